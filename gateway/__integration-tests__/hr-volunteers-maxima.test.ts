import { expectRefused, firstError } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { usePlatform } from './testkit/use-platform';
import { volunteerKit } from './testkit/volunteers';

// Volunteers of a member and their allowances, through the gateway: registering, recording
// payments within the untaxed limits of the volunteer scheme (2026: €5.75 an hour at 21 or
// over, €3.40 under 21, €220 a month, €2,200 a year; 2025: €5.60, €3.30, €210, €2,100),
// refusing one that breaks a limit unless it is explicitly accepted as taxable, the check
// that only warns, the totals per month and year; who may do it, and that a refusal writes
// nothing (neither a payment nor an audit entry).
// This file: the monthly and yearly maxima, and the age.
const tp = usePlatform();
const { newVolunteer, record, checkOnly, totals, written } = volunteerKit(tp);

describe('the monthly and yearly maxima, and the age', () => {
  test('April 2026: three payments of €55, a fourth of €56 reaches €221 (€1 over the month); €55 fits exactly', async () => {
    const id = await newVolunteer({ lastName: 'Maand' });
    for (const day of ['01', '08', '15']) {
      const res = await record({ volunteerId: id, paidOn: `2026-04-${day}`, hours: '10', amount: '55' });
      expect(res.errors).toBeUndefined();
    }
    const before = await written();
    const res = await record({ volunteerId: id, paidOn: '2026-04-22', hours: '10', amount: '56' });
    expectRefused(res, 'BAD_USER_INPUT');
    expect(firstError(res)?.extensions).toMatchObject({
      field: 'input.amount',
      limitBreaches: [{ limit: 'PER_MONTH', allowed: '220.00', actual: '221.00', over: '1.00' }],
    });
    expect(firstError(res)?.message).toContain('€221.00 in April 2026');
    expect(await written()).toEqual(before);

    // The check says the same.
    const warned = await checkOnly({ volunteerId: id, paidOn: '2026-04-22', hours: '10', amount: '56' });
    expect(warned.data!.checkVolunteerAllowance.limitBreaches.map((b) => [b.limit, b.over])).toEqual([
      ['PER_MONTH', '1.00'],
    ]);

    const fits = await record({ volunteerId: id, paidOn: '2026-04-29', hours: '10', amount: '55' });
    expect(fits.errors).toBeUndefined();
    expect(fits.data!.recordVolunteerAllowance.check).toMatchObject({
      ok: true,
      monthTotal: '220.00',
      remainingInMonth: '0.00',
      remainingInYear: '1980.00',
    });
    // May is a new month.
    const may = await record({ volunteerId: id, paidOn: '2026-05-01', hours: '1', amount: '1' });
    expect(may.data!.recordVolunteerAllowance.check).toMatchObject({ ok: true, monthTotal: '1.00' });

    const t = await totals(id, 2026);
    expect(t).toMatchObject({
      year: 2026,
      payments: 5,
      hours: '41',
      total: '221.00',
      remaining: '1979.00',
      over: '0.00',
      withinLimits: true,
      limits: { perHour21Plus: '5.75', perHourUnder21: '3.40', maxPerMonth: '220.00', maxPerYear: '2200.00' },
    });
    expect(t.months).toHaveLength(12);
    expect(t.months[3]).toEqual({
      month: 4,
      period: '2026-04',
      payments: 4,
      hours: '40',
      total: '220.00',
      remaining: '0.00',
      over: '0.00',
    });
    expect(t.months[4]).toMatchObject({ period: '2026-05', total: '1.00', remaining: '219.00' });
    expect(t.months[0]).toMatchObject({ period: '2026-01', payments: 0, total: '0.00', remaining: '220.00' });
  });

  test('two payments at the same time cannot both take the last room of a month', async () => {
    const id = await newVolunteer({ lastName: 'Tegelijk' });
    // €120 for 30 hours (€4 an hour) twice: 240 > 220, so exactly one may be recorded.
    const both = await Promise.all(
      ['2026-07-01', '2026-07-02'].map((paidOn) => record({ volunteerId: id, paidOn, hours: '30', amount: '120' })),
    );
    expect(both.map((res) => errorCodes(res)).sort()).toEqual([[], ['BAD_USER_INPUT']]);
    expect((await totals(id, 2026)).months[6]).toMatchObject({ payments: 1, total: '120.00' });
  });

  test('2025: ten months of €210 reach the yearly €2,100; €1 more is €1 over the year', async () => {
    const id = await newVolunteer({ lastName: 'Jaar' });
    for (let month = 1; month <= 10; month++) {
      const res = await record({
        volunteerId: id,
        paidOn: `2025-${String(month).padStart(2, '0')}-28`,
        hours: '40',
        amount: '210',
      });
      expect(res.errors).toBeUndefined();
    }
    const res = await record({ volunteerId: id, paidOn: '2025-11-28', hours: '1', amount: '1' });
    expect(firstError(res)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amount',
      limitBreaches: [{ limit: 'PER_YEAR', allowed: '2100.00', actual: '2101.00', over: '1.00' }],
    });
    const t = await totals(id, 2025);
    expect(t).toMatchObject({ total: '2100.00', remaining: '0.00', withinLimits: true });
    expect(t.months[10]).toMatchObject({ period: '2025-11', total: '0.00', remaining: '0.00' });
    expect(t.limits).toEqual({
      perHour21Plus: '5.60',
      perHourUnder21: '3.30',
      maxPerMonth: '210.00',
      maxPerYear: '2100.00',
    });
    // 2026 starts again from nothing.
    expect((await totals(id, 2026)).remaining).toBe('2200.00');
  });

  test('under 21 the hourly maximum is €3.40: €40 for 10 hours is €6 over the day before the 21st birthday, fine on it', async () => {
    const id = await newVolunteer({ lastName: 'Jong', birthDate: '2005-06-15' });
    const before = await checkOnly({ volunteerId: id, paidOn: '2026-06-14', hours: '10', amount: '40' });
    expect(before.data!.checkVolunteerAllowance).toMatchObject({ age: 20, hourlyMaximum: '3.40', ok: false });
    expect(before.data!.checkVolunteerAllowance.limitBreaches.map((b) => [b.limit, b.allowed, b.over])).toEqual([
      ['PER_HOUR', '34.00', '6.00'],
    ]);
    const refused = await record({ volunteerId: id, paidOn: '2026-06-14', hours: '10', amount: '40' });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(refused)?.message).toContain('volunteers under 21');
    const on = await record({ volunteerId: id, paidOn: '2026-06-15', hours: '10', amount: '40' });
    expect(on.errors).toBeUndefined();
    expect(on.data!.recordVolunteerAllowance.check).toMatchObject({ age: 21, hourlyMaximum: '5.75', ok: true });
  });
});
