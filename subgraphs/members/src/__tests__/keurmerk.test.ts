import { formatCalendarDate, parseCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { afterAudit, certificateValidUntil, checkAuditDate, nextAuditDue, runInEndsOn } from '../domain/keurmerk';
import { checkMembershipEnd } from '../domain/membership';
import { checkShopDates } from '../domain/shops';

const d = (s: string) => parseCalendarDate(s)!;
const f = (date: Date | null) => (date ? formatCalendarDate(date) : null);

test('audit every 18 months, certificate 3 years, run-in 3 years', () => {
  expect(f(nextAuditDue(d('2025-05-20')))).toBe('2026-11-20');
  expect(f(certificateValidUntil(d('2025-05-20')))).toBe('2028-05-20');
  expect(f(runInEndsOn(d('2024-02-29')))).toBe('2027-02-28');
});

test('audit outcomes move the Keurmerk', () => {
  const runIn = { keurmerkStatus: 'RUN_IN' as const, certifiedOn: null, lastAuditOn: null, nextAuditDue: null };
  const certified = afterAudit(runIn, 'CERTIFIED', d('2025-01-10'));
  expect(certified).toEqual({
    keurmerkStatus: 'CERTIFIED',
    certifiedOn: d('2025-01-10'),
    lastAuditOn: d('2025-01-10'),
    nextAuditDue: d('2026-07-10'),
  });
  const suspended = afterAudit(certified, 'FAILED', d('2026-07-01'));
  expect(suspended.keurmerkStatus).toBe('SUSPENDED');
  expect(suspended.certifiedOn).toEqual(d('2025-01-10'));
  expect(afterAudit(suspended, 'PASSED', d('2026-10-01')).keurmerkStatus).toBe('CERTIFIED');
  expect(afterAudit(runIn, 'PASSED', d('2025-01-10')).keurmerkStatus).toBe('RUN_IN');
});

test('audits are recorded once they happened, while a member, and in order', () => {
  const member = { memberSince: d('2020-03-01'), lastAuditOn: d('2025-06-01') };
  const today = d('2026-01-15');
  expect(() => checkAuditDate(member, d('2026-01-15'), today)).not.toThrow();
  expect(() => checkAuditDate(member, d('2026-01-16'), today)).toThrow(
    expect.objectContaining({ reason: 'AUDIT_IN_FUTURE', field: 'auditedOn' }),
  );
  expect(() => checkAuditDate({ ...member, lastAuditOn: null }, d('2020-02-29'), today)).toThrow(
    expect.objectContaining({ reason: 'AUDIT_BEFORE_MEMBERSHIP', field: 'auditedOn' }),
  );
  expect(() => checkAuditDate(member, d('2025-05-31'), today)).toThrow(
    'Audits are recorded in order; the last one recorded was on 2025-06-01.',
  );
});

test('a membership does not end before it began, a shop does not close before it opened', () => {
  expect(() => checkMembershipEnd(d('2020-03-01'), d('2020-03-01'))).not.toThrow();
  expect(() => checkMembershipEnd(d('2020-03-01'), null)).not.toThrow();
  expect(() => checkMembershipEnd(d('2020-03-01'), d('2020-02-29'))).toThrow(
    expect.objectContaining({ field: 'memberUntil', message: 'Membership cannot end before it began.' }),
  );
  expect(() => checkShopDates(d('2020-03-01'), null)).not.toThrow();
  expect(() => checkShopDates(d('2020-03-01'), d('2020-02-29'))).toThrow(
    expect.objectContaining({ field: 'closedOn', message: 'A shop cannot close before it opened.' }),
  );
});
