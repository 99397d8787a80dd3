import { parseCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { stepIncreasesDue } from '../../domain/step-increase';
import { careerOn, lkvStatementRequestedOn } from '../demo-careers';

const d = (iso: string) => parseCalendarDate(iso)!;

describe('demo careers: the step follows the years of service', () => {
  const today = d('2026-12-01');

  it('one step on every anniversary so far, from the step at hiring', () => {
    // Hired 15 March 2021 at step 1: anniversaries 2022–2026 (15 March 2026 passed) → step 6.
    expect(careerOn({ startDate: d('2021-03-15'), startStep: 1, maxStep: 10, today })).toEqual({
      caoStep: 6,
      stepSince: d('2026-03-15'),
    });
    // An anniversary later this month has not come yet.
    expect(careerOn({ startDate: d('2024-12-02'), startStep: 0, maxStep: 10, today }).caoStep).toBe(1);
    expect(careerOn({ startDate: d('2024-12-01'), startStep: 0, maxStep: 10, today }).caoStep).toBe(2);
  });

  it('up to the top of the scale, which keeps the day it was reached', () => {
    expect(careerOn({ startDate: d('2015-06-01'), startStep: 0, maxStep: 4, today })).toEqual({
      caoStep: 4,
      stepSince: d('2019-06-01'),
    });
  });

  it('behind: the step increase rule finds exactly the years left out, and they lead where the career is', () => {
    const onTime = careerOn({ startDate: d('2017-09-01'), startStep: 0, maxStep: 8, today });
    const behind = careerOn({ startDate: d('2017-09-01'), startStep: 0, maxStep: 8, today, behind: 3 });
    expect(onTime).toEqual({ caoStep: 8, stepSince: d('2025-09-01') });
    expect(behind).toEqual({ caoStep: 5, stepSince: d('2022-09-01') });
    const due = stepIncreasesDue({ caoScale: 4, startDate: d('2017-09-01'), ...behind }, [], 8, today);
    expect(due.filter((r) => r.outcome === 'RAISED')).toHaveLength(3);
    expect(due.at(-1)!.toStep).toBe(onTime.caoStep);
    // On time, nothing is due.
    expect(
      stepIncreasesDue({ caoScale: 4, startDate: d('2017-09-01'), ...onTime }, [], 8, today).filter(
        (r) => r.outcome === 'RAISED',
      ),
    ).toEqual([]);
  });

  it('the LKV statement three weeks after the start, or never', () => {
    expect(lkvStatementRequestedOn(d('2020-01-31'), false)).toEqual(d('2020-02-21'));
    expect(lkvStatementRequestedOn(d('2020-01-31'), true)).toBeNull();
  });
});
