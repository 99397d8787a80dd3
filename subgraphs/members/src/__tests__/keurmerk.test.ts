import { formatCalendarDate, parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import { afterAudit, certificateValidUntil, nextAuditDue, runInEndsOn } from '../domain/keurmerk';

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
