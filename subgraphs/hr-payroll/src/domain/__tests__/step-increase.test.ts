import {
  decideStepIncrease,
  latestAppraisalIn,
  nextStepIncreaseOn,
  stepIncreasesDue,
  stepSinceAfterManualChange,
  type AppraisalFact,
} from '../step-increase';

/*
 * The CAO's yearly step increase ("one step a year after a good appraisal; automatic where the
 * employer does not appraise; up to the scale maximum"), worked by hand. Scale 5 has steps 0–10.
 */
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const MAX = 10;
const position = (overrides: Partial<{ caoStep: number; startDate: string; stepSince: string | null }> = {}) => ({
  caoScale: 5,
  caoStep: overrides.caoStep ?? 3,
  startDate: date(overrides.startDate ?? '2022-03-15'),
  stepSince: overrides.stepSince ? date(overrides.stepSince) : null,
});
const good = (on: string): AppraisalFact => ({ appraisedOn: date(on), outcome: 'GOOD' });
const insufficient = (on: string): AppraisalFact => ({ appraisedOn: date(on), outcome: 'INSUFFICIENT' });

describe('when a step increase falls due', () => {
  test('one year after stepSince; the start date where stepSince is not set', () => {
    expect(iso(nextStepIncreaseOn(position({ stepSince: '2023-07-01' })))).toBe('2024-07-01');
    expect(iso(nextStepIncreaseOn(position({ stepSince: null })))).toBe('2023-03-15');
  });

  test('29 February: the anniversary in a year without one is 28 February', () => {
    expect(iso(nextStepIncreaseOn(position({ stepSince: '2024-02-29' })))).toBe('2025-02-28');
    expect(iso(nextStepIncreaseOn(position({ stepSince: '2023-02-28' })))).toBe('2024-02-28');
  });

  test('nothing is due before the anniversary; on the anniversary it is', () => {
    const p = position({ stepSince: '2024-03-15' });
    expect(stepIncreasesDue(p, [], MAX, date('2025-03-14'))).toEqual([]);
    expect(stepIncreasesDue(p, [], MAX, date('2025-03-15'))).toHaveLength(1);
  });
});

describe('the outcome of one year', () => {
  const p = position({ stepSince: '2024-03-15' });

  test('no appraisal in the year: one step up automatically', () => {
    const d = decideStepIncrease(p, [good('2024-03-15'), good('2025-03-16')], MAX); // both outside the year
    expect(d).toMatchObject({ outcome: 'RAISED', fromStep: 3, toStep: 4, appraisal: null });
    expect(iso(d.dueOn)).toBe('2025-03-15');
    expect(iso(d.stepSinceAfter)).toBe('2025-03-15');
    expect(d.reason).toMatch(/automatic/);
  });

  test('a good appraisal: one step up, resting on that appraisal', () => {
    const appraisal = good('2025-01-10');
    const d = decideStepIncrease(p, [appraisal], MAX);
    expect(d).toMatchObject({ outcome: 'RAISED', fromStep: 3, toStep: 4, appraisal });
    expect(d.reason).toMatch(/Good appraisal on 2025-01-10/);
  });

  test('an insufficient appraisal: the step stays, stepSince moves on a year', () => {
    const d = decideStepIncrease(p, [insufficient('2025-03-15')], MAX); // on the due date still counts
    expect(d).toMatchObject({ outcome: 'WITHHELD', fromStep: 3, toStep: 3 });
    expect(iso(d.stepSinceAfter)).toBe('2025-03-15');
    expect(d.reason).toMatch(/next year is judged on 2026-03-15/);
  });

  test('the latest appraisal in the year decides', () => {
    expect(decideStepIncrease(p, [good('2025-02-01'), insufficient('2024-06-01')], MAX).outcome).toBe('RAISED');
    expect(decideStepIncrease(p, [good('2024-06-01'), insufficient('2025-02-01')], MAX).outcome).toBe('WITHHELD');
  });

  test('at the top step nothing changes, whatever the appraisal', () => {
    const top = position({ caoStep: MAX, stepSince: '2024-03-15' });
    const d = decideStepIncrease(top, [insufficient('2024-09-01')], MAX);
    expect(d).toMatchObject({ outcome: 'AT_MAXIMUM', fromStep: MAX, toStep: MAX, appraisal: null });
    expect(iso(d.stepSinceAfter)).toBe('2024-03-15');
    // A scale shortened by a later CAO: above its top is at the maximum too.
    expect(decideStepIncrease(position({ caoStep: MAX + 2 }), [], MAX).outcome).toBe('AT_MAXIMUM');
  });
});

describe('several years behind', () => {
  test('one step per elapsed year, each judged by its own year', () => {
    const p = position({ stepSince: '2021-06-01' });
    const decisions = stepIncreasesDue(
      p,
      [good('2022-05-01'), insufficient('2023-04-01'), good('2023-06-02') /* year 3 */],
      MAX,
      date('2025-07-01'),
    );
    expect(decisions.map((d) => [iso(d.dueOn), d.outcome, d.fromStep, d.toStep])).toEqual([
      ['2022-06-01', 'RAISED', 3, 4],
      ['2023-06-01', 'WITHHELD', 4, 4],
      ['2024-06-01', 'RAISED', 4, 5],
      ['2025-06-01', 'RAISED', 5, 6], // no appraisal: automatic
    ]);
    expect(decisions[2]!.appraisal).toEqual(good('2023-06-02'));
  });

  test('stops at the top of the scale, reporting it once', () => {
    const decisions = stepIncreasesDue(position({ caoStep: 8, stepSince: '2019-01-01' }), [], MAX, date('2025-01-01'));
    expect(decisions.map((d) => [iso(d.dueOn), d.outcome, d.toStep])).toEqual([
      ['2020-01-01', 'RAISED', 9],
      ['2021-01-01', 'RAISED', 10],
      ['2022-01-01', 'AT_MAXIMUM', 10],
    ]);
  });

  test('catching up ends where applying every year would have ended (29 February)', () => {
    const start = position({ startDate: '2020-02-29', stepSince: null, caoStep: 0 });
    const atOnce = stepIncreasesDue(start, [], MAX, date('2024-03-01'));
    expect(atOnce.map((d) => iso(d.dueOn))).toEqual(['2021-02-28', '2022-02-28', '2023-02-28', '2024-02-28']);
    let yearly = { ...start };
    for (const on of ['2021-03-01', '2022-03-01', '2023-03-01', '2024-03-01']) {
      for (const d of stepIncreasesDue(yearly, [], MAX, date(on)))
        yearly = { ...yearly, caoStep: d.toStep, stepSince: d.stepSinceAfter };
    }
    expect(yearly.caoStep).toBe(atOnce.at(-1)!.toStep);
    expect(iso(yearly.stepSince!)).toBe(iso(atOnce.at(-1)!.stepSinceAfter));
  });

  test('applying twice changes nothing the second time', () => {
    const p = position({ stepSince: '2022-01-01' });
    const on = date('2024-06-01');
    const [last] = stepIncreasesDue(p, [], MAX, on).slice(-1);
    const after = { ...p, caoStep: last!.toStep, stepSince: last!.stepSinceAfter };
    expect(stepIncreasesDue(after, [], MAX, on)).toEqual([]);
  });
});

describe('the year an appraisal belongs to', () => {
  test('after the day the step took effect, up to and including the due date', () => {
    const appraisals = [good('2024-01-01'), insufficient('2025-01-01'), good('2025-01-02')];
    expect(latestAppraisalIn(appraisals, date('2024-01-01'), date('2025-01-01'))).toBe(appraisals[1]);
    expect(latestAppraisalIn(appraisals, date('2025-01-01'), date('2026-01-01'))).toBe(appraisals[2]);
    expect(latestAppraisalIn(appraisals, date('2022-01-01'), date('2023-01-01'))).toBeNull();
  });
});

describe('a step set by hand', () => {
  const employment = { caoScale: 5, caoStep: 3, startDate: date('2020-01-01'), endDate: null };
  test('restarts the year on the day it takes effect', () => {
    expect(stepSinceAfterManualChange(employment, { ...employment, caoStep: 4 }, date('2025-05-05'))).toEqual({
      stepSince: date('2025-05-05'),
    });
    expect(stepSinceAfterManualChange(employment, { ...employment, caoScale: 6 }, date('2025-05-05'))).toEqual({
      stepSince: date('2025-05-05'),
    });
  });
  test('not yet begun: the start date; ended: the end date', () => {
    const future = { ...employment, caoStep: 4, startDate: date('2026-01-01') };
    expect(stepSinceAfterManualChange(employment, future, date('2025-05-05'))).toEqual({ stepSince: future.startDate });
    const ended = { ...employment, caoStep: 4, endDate: date('2024-12-31') };
    expect(stepSinceAfterManualChange(employment, ended, date('2025-05-05'))).toEqual({ stepSince: ended.endDate });
  });
  test('no change of scale or step: stepSince stays', () => {
    expect(stepSinceAfterManualChange(employment, employment, date('2025-05-05'))).toEqual({});
  });
});
