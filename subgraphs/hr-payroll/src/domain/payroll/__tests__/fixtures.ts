import { emptyYearToDate, type PayrollInput } from '../types';

/** A calendar date at 00:00 UTC. */
export const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Overrides = {
  [K in keyof PayrollInput]?: PayrollInput[K] extends object ? Partial<PayrollInput[K]> : PayrollInput[K];
};

/**
 * The base case of the tests: CAO Kringloop scale 5 step 3 (2024 table: €2461.52 a month at 38 h,
 * used as the given CAO answer for 2026), full time, written permanent contract, tax credit applied,
 * pension 6.5 % employee / 13.5 % employer (an assumption: the sector fund's rates are not public),
 * a medium employer (Aof high), March 2026, first paid month of the year.
 *
 * The CAO's hourly wage: 2461.52 / (38 × 52.4 / 12) = 2461.52 / 165.9333… = 14.834… → €14.83.
 * Statutory minimum wage 1 January 2026, 21 and over: €14.71 an hour.
 */
export function payrollInput(overrides: Overrides = {}): PayrollInput {
  const base: PayrollInput = {
    period: { year: 2026, month: 3 },
    employment: {
      startDate: date('2024-01-01'),
      endDate: null,
      hoursPerWeek: '38',
      contractType: 'PERMANENT',
      writtenContract: true,
      applyTaxCredit: true,
      lkv: null,
    },
    caoWage: {
      monthly: '2461.52',
      hourly: '14.83',
      caoVersionId: 'cao-kringloop-2024',
      caoVersionName: 'CAO Kringloop Nederland 2024',
      minimumWageHourly: '14.71',
      holidayAllowancePercent: '8',
      fullTimeHoursPerWeek: '38',
      holidayAllowancePaymentMonth: 5,
      holidayAllowanceAccrualStartMonth: 6,
    },
    settings: { pensionEmployeePercent: '6.5', pensionEmployerPercent: '13.5', smallEmployer: false },
    yearToDate: emptyYearToDate(),
    holidayAllowanceAccrual: { reserved: '0.00', base: '0.00' },
    previousYearAnnualWage: null,
  };
  return {
    period: { ...base.period, ...overrides.period },
    employment: { ...base.employment, ...overrides.employment },
    caoWage: { ...base.caoWage, ...overrides.caoWage },
    settings: { ...base.settings, ...overrides.settings },
    yearToDate: { ...base.yearToDate, ...overrides.yearToDate },
    holidayAllowanceAccrual: { ...base.holidayAllowanceAccrual, ...overrides.holidayAllowanceAccrual },
    previousYearAnnualWage:
      overrides.previousYearAnnualWage === undefined ? base.previousYearAnnualWage : overrides.previousYearAnnualWage,
  };
}
