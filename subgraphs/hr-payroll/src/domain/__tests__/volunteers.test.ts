import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import {
  checkVolunteerAllowance,
  hourlyMaximum,
  volunteerLimitsFor,
  volunteerYearTotals,
  type AllowancePayment,
} from '../volunteers';

/*
 * Hand-worked examples of the volunteer scheme (vrijwilligersregeling). Limits (PAYROLL-NL
 * `volunteerAllowanceUntaxed`):
 *   2026: €5.75 an hour at 21 or over, €3.40 under 21, €220 a month, €2,200 a year;
 *   2025: €5.60, €3.30, €210, €2,100.
 * PER_HOUR allows hours × hourly maximum rounded DOWN to cents; month and year sums are exact.
 */

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const L2026 = volunteerLimitsFor(2026)!;
const L2025 = volunteerLimitsFor(2025)!;
const pay = (paidOn: string, hours: string, amount: string): AllowancePayment => ({
  paidOn: date(paidOn),
  hours,
  amount,
});
const ADULT = 35;

describe('the limits of a year', () => {
  it('2025 and 2026 from the parameter file, with two decimals', () => {
    expect(L2026).toEqual({
      year: 2026,
      perHour21Plus: '5.75',
      perHourUnder21: '3.40',
      maxPerMonth: '220.00',
      maxPerYear: '2200.00',
    });
    expect(L2025).toEqual({
      year: 2025,
      perHour21Plus: '5.60',
      perHourUnder21: '3.30',
      maxPerMonth: '210.00',
      maxPerYear: '2100.00',
    });
  });

  it('no figures for other years', () => {
    expect(volunteerLimitsFor(2024)).toBeNull();
    expect(volunteerLimitsFor(2027)).toBeNull();
  });

  it('the hourly maximum turns at 21', () => {
    expect(hourlyMaximum(L2026, 20)).toBe('3.40');
    expect(hourlyMaximum(L2026, 21)).toBe('5.75');
    expect(hourlyMaximum(L2026, 67)).toBe('5.75');
    expect(hourlyMaximum(L2026, 16)).toBe('3.40');
  });
});

describe('per hour', () => {
  it('10 h × €5.75 = €57.50 is within every limit', () => {
    const r = checkVolunteerAllowance(L2026, ADULT, [], pay('2026-03-10', '10', '57.50'));
    expect(r.ok).toBe(true);
    expect(r.limitBreaches).toEqual([]);
    // Month 57.50 of 220.00 → 162.50 left; year 57.50 of 2200.00 → 2142.50 left.
    expect(r).toMatchObject({
      year: 2026,
      month: 3,
      age: 35,
      hourlyMaximum: '5.75',
      averagePerHour: '5.75',
      monthTotal: '57.50',
      yearTotal: '57.50',
      remainingInMonth: '162.50',
      remainingInYear: '2142.50',
    });
    expect(r.message).toMatch(/^Within the untaxed limits of 2026/);
  });

  it('€60 for 10 h breaks the hourly maximum by €2.50 (at most €57.50 for 10 hours)', () => {
    const r = checkVolunteerAllowance(L2026, ADULT, [], pay('2026-03-10', '10', '60'));
    expect(r.ok).toBe(false);
    expect(r.averagePerHour).toBe('6.00');
    expect(r.limitBreaches).toEqual([
      { limit: 'PER_HOUR', allowed: '57.50', actual: '60.00', over: '2.50', message: expect.any(String) },
    ]);
    expect(r.limitBreaches[0]!.message).toContain('€60.00 for 10 hours is more than €5.75 an hour');
    expect(r.limitBreaches[0]!.message).toContain('€2.50 over');
    expect(r.message).toContain('WHOLE volunteer allowance');
    expect(r.message).toContain('taxable wage');
    // The month and year are still within their maxima.
    expect(r.remainingInMonth).toBe('160.00');
  });

  it('under 21: 10 h × €3.40 = €34.00 is fine, €34.01 is €0.01 over', () => {
    expect(checkVolunteerAllowance(L2026, 18, [], pay('2026-03-10', '10', '34.00')).ok).toBe(true);
    const r = checkVolunteerAllowance(L2026, 18, [], pay('2026-03-10', '10', '34.01'));
    expect(r.limitBreaches).toEqual([
      { limit: 'PER_HOUR', allowed: '34.00', actual: '34.01', over: '0.01', message: expect.any(String) },
    ]);
    expect(r.limitBreaches[0]!.message).toContain('volunteers under 21');
  });

  it('€40 for 10 h: €6.00 over at 20, within the limit at 21', () => {
    // 10 × 3.40 = 34.00 → 40.00 − 34.00 = 6.00 over; 10 × 5.75 = 57.50 ≥ 40.00.
    const at20 = checkVolunteerAllowance(L2026, 20, [], pay('2026-03-14', '10', '40'));
    expect(at20.limitBreaches.map((b) => [b.limit, b.allowed, b.over])).toEqual([['PER_HOUR', '34.00', '6.00']]);
    expect(checkVolunteerAllowance(L2026, 21, [], pay('2026-03-15', '10', '40')).ok).toBe(true);
  });

  it('rounding: 7.25 h × €5.75 = €41.6875 allows €41.68 (down to cents); €41.69 is €0.01 over', () => {
    const fine = checkVolunteerAllowance(L2026, ADULT, [], pay('2026-05-01', '7.25', '41.68'));
    expect(fine.ok).toBe(true);
    // 41.68 / 7.25 = 5.74896… → shown rounded up: 5.75.
    expect(fine.averagePerHour).toBe('5.75');
    const over = checkVolunteerAllowance(L2026, ADULT, [], pay('2026-05-01', '7.25', '41.69'));
    expect(over.limitBreaches).toEqual([
      { limit: 'PER_HOUR', allowed: '41.68', actual: '41.69', over: '0.01', message: expect.any(String) },
    ]);
    // 41.69 / 7.25 = 5.75034… → rounded up 5.76: never shown as 5.75 when it is above.
    expect(over.averagePerHour).toBe('5.76');
  });

  it('half an hour under 21: 0.5 × €3.40 = €1.70', () => {
    expect(checkVolunteerAllowance(L2026, 17, [], pay('2026-01-02', '0.5', '1.70')).ok).toBe(true);
    expect(checkVolunteerAllowance(L2026, 17, [], pay('2026-01-02', '0.5', '1.71')).limitBreaches[0]).toMatchObject({
      limit: 'PER_HOUR',
      allowed: '1.70',
      over: '0.01',
    });
  });

  it('2025 uses its own figures: 10 h × €5.60 = €56.00, €56.01 over by €0.01', () => {
    expect(checkVolunteerAllowance(L2025, ADULT, [], pay('2025-06-01', '10', '56')).ok).toBe(true);
    const r = checkVolunteerAllowance(L2025, ADULT, [], pay('2025-06-01', '10', '56.01'));
    expect(r.limitBreaches.map((b) => [b.limit, b.allowed, b.over])).toEqual([['PER_HOUR', '56.00', '0.01']]);
    expect(r.message).toContain('of 2025');
  });
});

// Three earlier March 2026 payments of €55 (10 h each: €5.50 an hour) = €165.
const march = [pay('2026-03-02', '10', '55'), pay('2026-03-09', '10', '55'), pay('2026-03-16', '10', '55')];
// January to October 2026: €210 a month (40 h each) = €2,100.
const tenMonths = Array.from({ length: 10 }, (_, i) => pay(`2026-${String(i + 1).padStart(2, '0')}-15`, '40', '210'));

describe('the monthly and the yearly maximum', () => {
  const cases = [
    {
      name: 'a fourth March payment reaching €221 breaks the monthly maximum by €1; exactly €220 leaves nothing that month',
      limit: 'PER_MONTH',
      earlier: march,
      // 165 + 56 = 221 > 220 → 1.00 over; 56 for 10 h = 5.60 an hour, fine.
      oneOver: pay('2026-03-23', '10', '56'),
      allowed: '220.00',
      actual: '221.00',
      says: '€221.00 in March 2026',
      afterOneOver: { monthTotal: '221.00', remainingInMonth: '0.00', remainingInYear: '1979.00' },
      atMaximum: pay('2026-03-23', '10', '55'),
      afterAtMaximum: { monthTotal: '220.00', remainingInMonth: '0.00', yearTotal: '220.00' },
    },
    {
      name: '€101 in November makes €2,201: €1 over the yearly maximum; €100 makes exactly €2,200, nothing left for December',
      limit: 'PER_YEAR',
      earlier: tenMonths,
      oneOver: pay('2026-11-15', '20', '101'),
      allowed: '2200.00',
      actual: '2201.00',
      says: '€2201.00 in 2026',
      afterOneOver: { remainingInYear: '0.00', remainingInMonth: '0.00' },
      atMaximum: pay('2026-11-15', '20', '100'),
      afterAtMaximum: { yearTotal: '2200.00', remainingInYear: '0.00', remainingInMonth: '0.00' },
    },
  ];

  it.each(cases)(
    '$name',
    ({ limit, earlier, oneOver, allowed, actual, says, afterOneOver, atMaximum, afterAtMaximum }) => {
      const over = checkVolunteerAllowance(L2026, ADULT, earlier, oneOver);
      expect(over.limitBreaches).toEqual([{ limit, allowed, actual, over: '1.00', message: expect.any(String) }]);
      expect(over.limitBreaches[0]!.message).toContain(says);
      expect(over).toMatchObject(afterOneOver);

      const within = checkVolunteerAllowance(L2026, ADULT, earlier, atMaximum);
      expect(within.ok).toBe(true);
      expect(within).toMatchObject(afterAtMaximum);
    },
  );
});

describe('per month', () => {
  it('only the same calendar month counts (the last day of February, the first of April, other years)', () => {
    const around = [
      ...march,
      pay('2026-02-28', '10', '55'),
      pay('2026-04-01', '10', '55'),
      pay('2025-03-20', '10', '55'),
    ];
    const r = checkVolunteerAllowance(L2026, ADULT, around, pay('2026-03-31', '10', '55'));
    expect(r.ok).toBe(true);
    // Month: 165 + 55 = 220. Year 2026: 165 + 55 + 55 + 55 = 330 (2025 not counted).
    expect(r).toMatchObject({ monthTotal: '220.00', yearTotal: '330.00', remainingInYear: '1870.00' });
  });
});

describe('per year', () => {
  it('the month room is capped by the year room: €50 in November leaves €50, not €170', () => {
    const r = checkVolunteerAllowance(L2026, ADULT, tenMonths, pay('2026-11-15', '10', '50'));
    // Month: 220 − 50 = 170; year: 2200 − 2150 = 50 → 50.
    expect(r).toMatchObject({ ok: true, remainingInMonth: '50.00', remainingInYear: '50.00' });
  });

  it('every limit at once: all three breaches, each with its excess, and the whole allowance taxable', () => {
    // Jan–Oct 10 × €219 = €2,190; November already €200; new €30 for 5 h.
    const earlier = [
      ...Array.from({ length: 10 }, (_, i) => pay(`2026-${String(i + 1).padStart(2, '0')}-01`, '40', '219')),
      pay('2026-11-02', '40', '200'),
    ];
    const r = checkVolunteerAllowance(L2026, ADULT, earlier, pay('2026-11-20', '5', '30'));
    // Hour: 5 × 5.75 = 28.75 → 1.25 over. Month: 200 + 30 = 230 → 10 over. Year: 2190 + 230 = 2420 → 220 over.
    expect(r.limitBreaches.map(({ limit, allowed, actual, over }) => ({ limit, allowed, actual, over }))).toEqual([
      { limit: 'PER_HOUR', allowed: '28.75', actual: '30.00', over: '1.25' },
      { limit: 'PER_MONTH', allowed: '220.00', actual: '230.00', over: '10.00' },
      { limit: 'PER_YEAR', allowed: '2200.00', actual: '2420.00', over: '220.00' },
    ]);
    expect(r.message).toMatch(
      /^This allowance breaks the untaxed volunteer limits of 2026: per hour: .*; per month: .*; per year: /,
    );
    expect(r.message).toContain('not only the part above the limit');
  });
});

describe('input the check refuses', () => {
  it.each([
    ['amount', '0', '10'],
    ['amount', '-5', '10'],
    ['amount', '10.005', '10'],
    ['hours', '57.50', '0'],
    ['hours', '57.50', '-1'],
    ['hours', '57.50', '2.125'],
  ])('%s: amount %s for %s hours', (field, amount, hours) => {
    const attempt = () => checkVolunteerAllowance(L2026, ADULT, [], pay('2026-03-01', hours, amount));
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      expect.objectContaining({
        reason: 'INVALID_AMOUNT',
        field,
        message: `The ${field} must be more than 0, with at most two decimals.`,
      }),
    );
  });

  it("the limits of another year than the payment's", () => {
    expect(() => checkVolunteerAllowance(L2025, ADULT, [], pay('2026-01-01', '1', '1'))).toThrow(
      expect.objectContaining({
        reason: 'INVALID_DATE',
        field: 'paidOn',
        message: 'These are the limits of 2025, not of 2026.',
      }),
    );
  });
});

describe('totals of a year', () => {
  const BIRTH = date('1990-06-01');

  it('per month and for the year, with what is left; other years are ignored', () => {
    const t = volunteerYearTotals(L2026, BIRTH, [
      pay('2026-01-10', '10', '57.50'),
      pay('2026-01-20', '10', '57.50'),
      pay('2026-03-05', '20', '115'),
      pay('2025-12-31', '10', '50'),
    ]);
    // Year: 57.50 + 57.50 + 115 = 230.00; 40 hours; 2200 − 230 = 1970.00 left.
    expect(t).toMatchObject({
      year: 2026,
      payments: 3,
      hours: '40',
      total: '230.00',
      remaining: '1970.00',
      over: '0.00',
      withinLimits: true,
      paymentsOverHourlyMaximum: 0,
    });
    expect(t.months).toHaveLength(12);
    expect(t.months[0]).toEqual({
      month: 1,
      period: '2026-01',
      payments: 2,
      hours: '20',
      total: '115.00',
      remaining: '105.00',
      over: '0.00',
    });
    expect(t.months[1]).toMatchObject({ period: '2026-02', payments: 0, total: '0.00', remaining: '220.00' });
    expect(t.months[2]).toMatchObject({ period: '2026-03', total: '115.00', remaining: '105.00' });
    expect(t.months[11]).toMatchObject({ period: '2026-12', remaining: '220.00' });
  });

  it('the month room never exceeds the year room', () => {
    const t = volunteerYearTotals(
      L2026,
      BIRTH,
      Array.from({ length: 10 }, (_, i) => pay(`2026-${String(i + 1).padStart(2, '0')}-15`, '40', '215')),
    );
    // 10 × 215 = 2150 → 50 left in the year; November and December 50 each (the year's room), not 220.
    expect(t).toMatchObject({ total: '2150.00', remaining: '50.00', withinLimits: true });
    expect(t.months[0]!.remaining).toBe('5.00');
    expect(t.months[10]!.remaining).toBe('50.00');
    expect(t.months[11]!.remaining).toBe('50.00');
  });

  it('a month above €220, a payment above the hourly maximum, a year above €2,200: not within the limits', () => {
    const month = volunteerYearTotals(L2026, BIRTH, [pay('2026-02-01', '40', '150'), pay('2026-02-20', '40', '80')]);
    expect(month.months[1]).toMatchObject({ total: '230.00', over: '10.00', remaining: '0.00' });
    expect(month.withinLimits).toBe(false);

    const hourly = volunteerYearTotals(L2026, BIRTH, [pay('2026-02-01', '10', '60')]);
    expect(hourly).toMatchObject({ withinLimits: false, paymentsOverHourlyMaximum: 1 });

    const year = volunteerYearTotals(
      L2026,
      BIRTH,
      Array.from({ length: 12 }, (_, i) => pay(`2026-${String(i + 1).padStart(2, '0')}-15`, '40', '200')),
    );
    // 12 × 200 = 2400 → 200 over; no month above 220.
    expect(year).toMatchObject({ total: '2400.00', over: '200.00', remaining: '0.00', withinLimits: false });
  });

  it('the hourly maximum of each payment follows the age on its date (21 on 1 June 2026)', () => {
    const youth = date('2005-06-01');
    // €50 for 10 h = €5 an hour: above €3.40 at 20 (31 May), within €5.75 at 21 (1 June).
    const t = volunteerYearTotals(L2026, youth, [pay('2026-05-31', '10', '50'), pay('2026-06-01', '10', '50')]);
    expect(t.paymentsOverHourlyMaximum).toBe(1);
  });
});
