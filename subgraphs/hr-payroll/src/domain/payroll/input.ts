import { DomainError, exact, Exact, HUNDRED } from '@samen-sterk/subgraph-runtime/pure';
import { PAYROLL_PARAMETERS, PAYROLL_YEARS, type PayrollYearParameters } from './parameters';
import { checkCalendarDate, formatDate } from './proration';
import type { AccruedHolidayAllowance } from './holiday-allowance';
import type { HolidayAllowanceAccrual, PayrollInput, YearToDate } from './types';

/** Reads and checks the input once, so the calculation itself only sees exact, valid values. */

function decimal(value: unknown, field: string): Exact {
  if (typeof value !== 'string') {
    throw new DomainError('INVALID_AMOUNT', field, `${field} must be a decimal string, not a ${typeof value}.`);
  }
  let parsed: Exact;
  try {
    // Through the runtime's cache of parsed texts: a run's inputs repeat the same few amounts and
    // rates, and parsing each anew was a twentieth of a calculation thread's time.
    parsed = exact(value.trim());
  } catch {
    throw new DomainError('INVALID_AMOUNT', field, `${field} is not a number: "${value}".`);
  }
  if (!parsed.isFinite()) throw new DomainError('INVALID_AMOUNT', field, `${field} must be finite.`);
  return parsed;
}

/** An amount in euros and cents (at most 2 decimals), not negative (and more than zero when `positive`). */
function amount(value: unknown, field: string, options: { positive?: boolean } = {}): Exact {
  const parsed = decimal(value, field);
  if (parsed.decimalPlaces() > 2) {
    throw new DomainError('INVALID_AMOUNT', field, `${field} must be in euros and cents, not "${String(value)}".`);
  }
  if (parsed.isNegative() || (options.positive && parsed.isZero())) {
    throw new DomainError(
      'INVALID_AMOUNT',
      field,
      `${field} must be ${options.positive ? 'more than' : 'at least'} zero, not ${parsed.toFixed()}.`,
    );
  }
  return parsed;
}

/** A percentage from 0 to 100. */
function percent(value: unknown, field: string): Exact {
  const parsed = decimal(value, field);
  if (parsed.isNegative() || parsed.greaterThan(HUNDRED)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      field,
      `${field} must be a percentage from 0 to 100, not ${parsed.toFixed()}.`,
    );
  }
  return parsed;
}

function monthNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 12) {
    throw new DomainError('INVALID_PERIOD', field, `${field} must be a month from 1 to 12, not ${String(value)}.`);
  }
  return value;
}

export interface YearToDateExact {
  grossWage: Exact;
  holidayAllowancePaid: Exact;
  employeePension: Exact;
  employerPension: Exact;
  taxableWage: Exact;
  wageTax: Exact;
  premiumWage: Exact;
  employerPremiums: Exact;
  netPay: Exact;
  lkvClaimed: Exact;
}

const YTD_FIELDS = [
  'grossWage',
  'holidayAllowancePaid',
  'employeePension',
  'employerPension',
  'taxableWage',
  'wageTax',
  'premiumWage',
  'employerPremiums',
  'netPay',
  'lkvClaimed',
] as const satisfies readonly (keyof YearToDate)[];

/** The CAO's answer from a birthday inside the month on (rule 2a). */
export interface BirthdayWage {
  on: Date;
  age: number;
  monthly: Exact;
  hourly: Exact;
  minimumWageHourly: Exact;
  caoVersionName: string;
}

export interface ReadInput {
  year: number;
  month: number;
  parameters: PayrollYearParameters;
  startDate: Date;
  endDate: Date | null;
  hoursPerWeek: Exact;
  monthly: Exact;
  hourly: Exact;
  minimumWageHourly: Exact;
  holidayAllowancePercent: Exact;
  paymentMonth: number;
  pensionEmployeePercent: Exact;
  pensionEmployerPercent: Exact;
  whkPercent: Exact | null;
  yearToDate: YearToDateExact;
  accrual: AccruedHolidayAllowance;
  previousYearAnnualWage: Exact | null;
  previousYearAnnualWageBasis: string | null;
  birthday: BirthdayWage | null;
}

export function readInput(input: PayrollInput): ReadInput {
  const { period, employment, caoWage, settings } = input;
  if (typeof period.year !== 'number' || !(PAYROLL_YEARS as readonly number[]).includes(period.year)) {
    throw new DomainError(
      'UNSUPPORTED_YEAR',
      'period.year',
      `Payroll can be calculated for ${PAYROLL_YEARS.join(' and ')} only, not for ${String(period.year)}.`,
    );
  }
  const year = period.year;
  const month = monthNumber(period.month, 'period.month');

  const startDate = checkCalendarDate(employment.startDate, 'employment.startDate');
  const endDate = employment.endDate === null ? null : checkCalendarDate(employment.endDate, 'employment.endDate');
  if (endDate !== null && endDate < startDate) {
    throw new DomainError(
      'INVALID_DATE',
      'employment.endDate',
      `The end date ${formatDate(endDate)} is before the start date ${formatDate(startDate)}.`,
    );
  }

  const fullTime = decimal(caoWage.fullTimeHoursPerWeek, 'caoWage.fullTimeHoursPerWeek');
  const hoursPerWeek = decimal(employment.hoursPerWeek, 'employment.hoursPerWeek');
  if (!hoursPerWeek.isPositive() || hoursPerWeek.isZero() || hoursPerWeek.greaterThan(fullTime)) {
    throw new DomainError(
      'INVALID_HOURS',
      'employment.hoursPerWeek',
      `Hours per week must be more than 0 and at most the CAO's full-time ${fullTime.toFixed()} hours, not ${hoursPerWeek.toFixed()}.`,
    );
  }

  const paymentMonth = monthNumber(caoWage.holidayAllowancePaymentMonth, 'caoWage.holidayAllowancePaymentMonth');
  if (caoWage.holidayAllowanceAccrualStartMonth !== undefined) {
    const start = monthNumber(caoWage.holidayAllowanceAccrualStartMonth, 'caoWage.holidayAllowanceAccrualStartMonth');
    if (start !== (paymentMonth % 12) + 1) {
      throw new DomainError(
        'UNSUPPORTED_ACCRUAL_YEAR',
        'caoWage.holidayAllowanceAccrualStartMonth',
        `Only an accrual year that ends with the payment month is supported (payment in month ${paymentMonth}: ` +
          `accrual from month ${(paymentMonth % 12) + 1}), not one from month ${start}.`,
      );
    }
  }

  const ytd = {} as YearToDateExact;
  for (const field of YTD_FIELDS) ytd[field] = decimal(input.yearToDate[field], `yearToDate.${field}`);

  return {
    year,
    month,
    parameters: PAYROLL_PARAMETERS[year as keyof typeof PAYROLL_PARAMETERS],
    startDate,
    endDate,
    hoursPerWeek,
    monthly: amount(caoWage.monthly, 'caoWage.monthly', { positive: true }),
    hourly: amount(caoWage.hourly, 'caoWage.hourly', { positive: true }),
    minimumWageHourly: amount(caoWage.minimumWageHourly, 'caoWage.minimumWageHourly', { positive: true }),
    holidayAllowancePercent: percent(caoWage.holidayAllowancePercent, 'caoWage.holidayAllowancePercent'),
    paymentMonth,
    pensionEmployeePercent: percent(settings.pensionEmployeePercent, 'settings.pensionEmployeePercent'),
    pensionEmployerPercent: percent(settings.pensionEmployerPercent, 'settings.pensionEmployerPercent'),
    whkPercent:
      settings.whkPercent === undefined || settings.whkPercent === null
        ? null
        : percent(settings.whkPercent, 'settings.whkPercent'),
    yearToDate: ytd,
    accrual: {
      reserved: amount(input.holidayAllowanceAccrual.reserved, 'holidayAllowanceAccrual.reserved'),
      base: amount(input.holidayAllowanceAccrual.base, 'holidayAllowanceAccrual.base'),
      ...openingAccrual(input.holidayAllowanceAccrual.opening),
    },
    previousYearAnnualWage:
      input.previousYearAnnualWage === null ? null : amount(input.previousYearAnnualWage, 'previousYearAnnualWage'),
    previousYearAnnualWageBasis: input.previousYearAnnualWageBasis ?? null,
    birthday: birthdayWage(caoWage.fromBirthday ?? null, year, month),
  };
}

/** A day as stored in the inputs, YYYY-MM-DD. */
function isoDay(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new DomainError('INVALID_DATE', field, `${field} must be a date (YYYY-MM-DD).`);
  }
  return value;
}

/** The part of the holiday allowance reserved that is an opening balance (kept with it until paid). */
function openingAccrual(opening: HolidayAllowanceAccrual['opening']): Pick<AccruedHolidayAllowance, 'opening'> {
  if (!opening) return {};
  return {
    opening: {
      reserved: amount(opening.reserved, 'holidayAllowanceAccrual.opening.reserved'),
      base: opening.base === null ? null : amount(opening.base, 'holidayAllowanceAccrual.opening.base'),
      asOf: isoDay(opening.asOf, 'holidayAllowanceAccrual.opening.asOf'),
    },
  };
}

function birthdayWage(
  input: PayrollInput['caoWage']['fromBirthday'],
  year: number,
  month: number,
): BirthdayWage | null {
  if (!input) return null;
  const on = checkCalendarDate(input.on, 'caoWage.fromBirthday.on');
  if (on.getUTCFullYear() !== year || on.getUTCMonth() + 1 !== month) {
    throw new DomainError(
      'INVALID_DATE',
      'caoWage.fromBirthday.on',
      `The birthday ${formatDate(on)} is not in ${year}-${String(month).padStart(2, '0')}.`,
    );
  }
  return {
    on,
    age: input.age,
    monthly: amount(input.monthly, 'caoWage.fromBirthday.monthly', { positive: true }),
    hourly: amount(input.hourly, 'caoWage.fromBirthday.hourly', { positive: true }),
    minimumWageHourly: amount(input.minimumWageHourly, 'caoWage.fromBirthday.minimumWageHourly', { positive: true }),
    caoVersionName: input.caoVersionName,
  };
}
