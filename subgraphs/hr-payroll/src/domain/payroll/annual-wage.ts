import {
  DomainError,
  exact,
  formatAmount,
  formatEuro,
  roundCents,
  roundHalfUp,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';

/**
 * The annual wage that picks the row of the special-payments table (tabel bijzondere beloningen),
 * for the tax on holiday allowance and back pay. Pure; the payroll run gathers the figures.
 *
 * The rule (Handboek Loonheffingen, "jaarloon voor de tabel bijzondere beloningen"; see README.md,
 * rule 3a):
 * 1. An annual wage HR entered as an opening balance (the previous year's, from the former payroll
 *    system) is used as it is: it takes precedence over anything found here.
 * 2. Wage paid over the whole previous calendar year: that year's taxable wage (loon voor de
 *    loonbelasting, column 14 of the payroll record), holiday allowance and other special payments
 *    included.
 * 3. Wage paid over part of it: that wage converted to a year, taxable wage / wage periods paid × 12.
 *    A period is a month; a month paid in part counts as days employed / days in the month.
 * 4. No wage in the previous year (a new employee): an estimate of this year's annual wage as if the
 *    first wage period were paid the whole year, the holiday allowance included:
 *    12 × (monthly wage − employee pension) + holiday allowance over 12 monthly wages. It is made
 *    once, from the first wage period at this employer this year, so it does not move from month
 *    to month (the handbook allows one estimate before the first payment).
 */

export type AnnualWageSource = 'OPENING_BALANCE' | 'PREVIOUS_YEAR' | 'PREVIOUS_YEAR_CONVERTED' | 'NEW_HIRE_ESTIMATE';

export interface PreviousYearFigures {
  /** Taxable wage of the whole previous year at this employer (special payments included), 2 decimals. */
  taxableWage: string;
  /** Each month wage was paid over in that year: its days employed and its number of days. */
  months: { daysEmployed: number; daysInMonth: number }[];
}

/** The first wage period's figures, for a new employee's estimate. */
export interface FirstPeriodWage {
  /** The monthly wage (the CAO's, for the employment's hours; not pro-rated), 2 decimals. */
  monthly: string;
  pensionEmployeePercent: string;
  holidayAllowancePercent: string;
}

export interface AnnualWageInput {
  /** Entered by HR: the previous year's annual wage from before this platform. Null when not entered. */
  openingBalance: string | null;
  previousYear: PreviousYearFigures | null;
  firstPeriod: FirstPeriodWage;
}

export interface AnnualWageForTable {
  /** Two decimals, as the table's input ("2541.00"). */
  annualWage: string;
  source: AnnualWageSource;
  /** How it was found, in a sentence (kept with the payslip's inputs). */
  basis: string;
}

const MONTHS = 12;

function amount(value: string, field: string): Exact {
  let parsed: Exact;
  try {
    parsed = exact(value);
  } catch {
    throw new DomainError('INVALID_AMOUNT', field, `${field} is not an amount: "${value}".`);
  }
  if (parsed.isNegative() || parsed.decimalPlaces() > 2) {
    throw new DomainError('INVALID_AMOUNT', field, `${field} must be an amount in euros and cents, not ${value}.`);
  }
  return parsed;
}

/** Wage periods paid in the year: Σ days employed / days in the month, at most 12. */
export function periodsPaid(months: PreviousYearFigures['months']): Exact {
  let periods = ZERO;
  for (const m of months) {
    if (m.daysInMonth <= 0 || m.daysEmployed < 0 || m.daysEmployed > m.daysInMonth) {
      throw new DomainError(
        'INVALID_PERIOD',
        'previousYear.months',
        `${m.daysEmployed} of ${m.daysInMonth} days is no month.`,
      );
    }
    periods = periods.plus(exact(m.daysEmployed).div(m.daysInMonth));
  }
  // Two payslips of one employee in the same days (concurrent contracts) do not make more than a year.
  return periods.greaterThan(MONTHS) ? exact(MONTHS) : periods;
}

export function annualWageForSpecialPayments(input: AnnualWageInput): AnnualWageForTable {
  if (input.openingBalance !== null) {
    const opening = amount(input.openingBalance, 'openingBalance');
    return {
      annualWage: formatAmount(opening),
      source: 'OPENING_BALANCE',
      basis: `Previous year's annual wage ${formatEuro(opening)}, as entered by HR (opening balance).`,
    };
  }
  const previous = input.previousYear;
  const periods = previous ? periodsPaid(previous.months) : ZERO;
  if (previous && periods.greaterThan(0)) {
    const taxable = amount(previous.taxableWage, 'previousYear.taxableWage');
    if (periods.equals(MONTHS)) {
      return {
        annualWage: formatAmount(taxable),
        source: 'PREVIOUS_YEAR',
        basis: `Previous year's taxable wage ${formatEuro(taxable)} (a whole year, special payments included).`,
      };
    }
    // Rounding: the converted annual wage half up to cents (the table's rows start at whole euros).
    const annual = roundCents(taxable.div(periods).times(MONTHS));
    return {
      annualWage: formatAmount(annual),
      source: 'PREVIOUS_YEAR_CONVERTED',
      basis:
        `Previous year's taxable wage ${formatEuro(taxable)} over ${formatPeriods(periods)} of 12 months, ` +
        `converted to a year: ${formatEuro(taxable)} / ${formatPeriods(periods)} × 12 = ${formatEuro(annual)} (half up to cents).`,
    };
  }
  const monthly = amount(input.firstPeriod.monthly, 'firstPeriod.monthly');
  // Rounding: the month's pension and the year's holiday allowance half up to cents, as on a payslip.
  const pension = roundCents(monthly.times(exact(input.firstPeriod.pensionEmployeePercent)).div(100));
  const holidayAllowance = roundCents(
    monthly.times(MONTHS).times(exact(input.firstPeriod.holidayAllowancePercent)).div(100),
  );
  const annual = monthly.minus(pension).times(MONTHS).plus(holidayAllowance);
  return {
    annualWage: formatAmount(annual),
    source: 'NEW_HIRE_ESTIMATE',
    basis:
      `No wage paid in the previous year: estimated from the first wage period, 12 × (${formatEuro(monthly)} − pension ` +
      `${formatEuro(pension)}) + holiday allowance ${formatEuro(holidayAllowance)} = ${formatEuro(annual)}.`,
  };
}

/** "3 months", "2.5333 months": periods to 4 decimals for people (the calculation keeps them exact). */
function formatPeriods(periods: Exact): string {
  // Rounding: half up to 4 decimals, for the sentence only.
  const shown = roundHalfUp(periods, 4).toString();
  return `${shown} month${periods.equals(1) ? '' : 's'}`;
}
