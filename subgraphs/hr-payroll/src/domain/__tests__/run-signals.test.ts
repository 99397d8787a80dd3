import { parseCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { lkvApplicationOf, lkvApplicationStatus } from '../employment';
import { calculatePayroll } from '../payroll/calculate';
import { date, payrollInput } from '../payroll/__tests__/fixtures';
import { lkvApplicationSignal, stepIncreaseSignal } from '../run-signals';
import { stepIncreasesDue } from '../step-increase';

const d = (iso: string) => parseCalendarDate(iso)!;

describe('the LKV target-group statement: applied for within three months of the start', () => {
  // Start 15 January 2026: the deadline is 15 April 2026 (three calendar months).
  const start = d('2026-01-15');
  it.each([
    ['applied for before the start', '2026-01-02', '2026-06-01', 'REQUESTED'],
    ['applied for on the deadline itself', '2026-04-15', '2026-06-01', 'REQUESTED'],
    ['applied for a day late', '2026-04-16', '2026-06-01', 'MISSED'],
    ['not applied for, deadline passed', null, '2026-04-16', 'MISSED'],
    ['not applied for, 14 days left', null, '2026-04-01', 'DUE_SOON'],
    ['not applied for, 15 days left', null, '2026-03-31', 'OPEN'],
  ])('%s: %s', (_label, requestedOn, today, status) => {
    expect(lkvApplicationStatus(start, d(today), requestedOn === null ? null : d(requestedOn))).toBe(status);
  });

  it('end of month clamped: started 30 November, the deadline is 28 February', () => {
    expect(lkvApplicationOf({ startDate: d('2025-11-30'), lkvStatementRequestedOn: null }, d('2026-03-01'))).toEqual({
      status: 'MISSED',
      deadline: '2026-02-28',
    });
  });
});

describe('the LKV in the payroll calculation', () => {
  // The worked example of calculate.test.ts: from 15 April 2026, 38 hours, job-agreement LKV:
  // 38 × 52 / 12 × 16 / 30 = 87.82… → 88 paid hours × €1.01 = €88.88.
  const april = (lkvApplication?: { status: 'REQUESTED' | 'OPEN' | 'DUE_SOON' | 'MISSED'; deadline: string }) =>
    calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 4 },
        employment: {
          startDate: date('2026-04-15'),
          lkv: 'JOB_AGREEMENT_TARGET_GROUP',
          ...(lkvApplication ? { lkvApplication } : {}),
        },
      }),
    );

  it('statement missed: no LKV expected, €88.88 forgone, nothing else on the payslip changes', () => {
    const inTime = april({ status: 'REQUESTED', deadline: '2026-07-15' });
    const missed = april({ status: 'MISSED', deadline: '2026-07-15' });
    expect(inTime.lkv?.expected).toBe('88.88');
    expect(inTime.lkvForgone).toBeNull();
    expect(missed.lkv).toBeNull();
    expect(missed.lkvForgone).toBe('88.88');
    expect(missed.lines.some((l) => l.code === 'LKV_EXPECTED')).toBe(false);
    expect(missed.yearToDateAfter.lkvClaimed).toBe('0.00');
    expect(
      missed.explanation.some((l) => l.includes('not applied for by 2026-07-15') && l.includes('€88.88 forgone')),
    ).toBe(true);
    expect(missed.netPay).toBe(inTime.netPay);
    expect(missed.grossWage).toBe(inTime.grossWage);
  });

  it('statement not applied for yet, deadline ahead: expected, and the explanation says on what condition', () => {
    const open = april({ status: 'OPEN', deadline: '2026-07-15' });
    expect(open.lkv?.expected).toBe('88.88');
    expect(open.explanation).toContain(
      'Expected only if the target-group statement is applied for by 2026-07-15; it has not been recorded as applied for yet.',
    );
  });

  it('inputs frozen before the statement was recorded (no lkvApplication) keep their LKV', () => {
    expect(april().lkv?.expected).toBe('88.88');
  });
});

describe('signals', () => {
  const who = { employeeId: 'e1', employmentId: 'x1' };

  it('overdue step increases: how many, since when, the steps and the monthly wage at stake', () => {
    // Hired 1 February 2022 on scale 7 step 0, never raised: four years due by 31 March 2026.
    const raised = stepIncreasesDue(
      { caoScale: 7, caoStep: 0, startDate: d('2022-02-01'), stepSince: null },
      [],
      20,
      d('2026-03-31'),
    );
    expect(raised.map((r) => r.outcome)).toEqual(['RAISED', 'RAISED', 'RAISED', 'RAISED']);
    const signal = stepIncreaseSignal({ ...who, caoScale: 7, raised, monthlyNow: '2737.08', monthlyAtStep: '3058.89' });
    // 3058.89 − 2737.08 = 321.81.
    expect(signal).toEqual({
      code: 'STEP_INCREASE_OVERDUE',
      ...who,
      amount: '321.81',
      message:
        '4 step increases due since 2023-02-01 not applied: scale 7, step 0 → 4, €321.81 a month more (€2737.08 → €3058.89). ' +
        'Apply them (applyStepIncreases); months already settled are paid as back pay.',
    });
  });

  it('a step that pays nothing more while the minimum wage is above both steps is still signalled, at €0.00', () => {
    const raised = stepIncreasesDue(
      { caoScale: 4, caoStep: 0, startDate: d('2025-03-01'), stepSince: null },
      [],
      8,
      d('2026-03-31'),
    );
    const signal = stepIncreaseSignal({ ...who, caoScale: 4, raised, monthlyNow: '2440.88', monthlyAtStep: '2440.88' });
    expect(signal?.amount).toBe('0.00');
    expect(signal?.message).toMatch(
      /^A step increase due since 2026-03-01 not applied: scale 4, step 0 → 1, no more pay this month/,
    );
  });

  it('nothing due, or the statement applied for in time: no signal', () => {
    expect(stepIncreaseSignal({ ...who, caoScale: 4, raised: [], monthlyNow: '1', monthlyAtStep: '1' })).toBeNull();
    expect(
      lkvApplicationSignal({
        ...who,
        application: { status: 'REQUESTED', deadline: '2026-04-15' },
        expected: '105.04',
        forgone: null,
      }),
    ).toBeNull();
    expect(lkvApplicationSignal({ ...who, application: undefined, expected: '105.04', forgone: null })).toBeNull();
  });

  it('LKV statement missed: the amount forgone; still open: the amount that depends on it', () => {
    const missed = lkvApplicationSignal({
      ...who,
      application: { status: 'MISSED', deadline: '2026-04-05' },
      expected: null,
      forgone: '105.04',
    });
    expect(missed).toMatchObject({ code: 'LKV_APPLICATION_MISSED', amount: '105.04' });
    expect(missed?.message).toContain('not applied for by 2026-04-05');
    for (const status of ['OPEN', 'DUE_SOON'] as const) {
      const open = lkvApplicationSignal({
        ...who,
        application: { status, deadline: '2027-02-20' },
        expected: '71.71',
        forgone: null,
      });
      expect(open).toMatchObject({ code: 'LKV_APPLICATION_OPEN', amount: '71.71' });
      expect(open?.message).toContain('by 2027-02-20');
    }
  });
});
