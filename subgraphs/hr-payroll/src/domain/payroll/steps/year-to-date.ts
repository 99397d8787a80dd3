import { formatAmount, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { YearToDateExact } from '../input';
import type { YearToDate } from '../types';

/** This month's amounts that count toward the calendar year's totals (each term as the step gave it). */
export interface MonthForYearToDate {
  gross: Exact;
  backPay: Exact;
  holidayAllowancePaid: Exact;
  holidayAllowanceOnBackPay: Exact;
  pensionEmployee: Exact;
  pensionEmployeeOnBackPay: Exact;
  pensionEmployer: Exact;
  pensionEmployerOnBackPay: Exact;
  taxableWage: Exact;
  wageTax: Exact;
  /** Uncapped: the cap is applied on the year's total. */
  premiumWage: Exact;
  employerPremiums: Exact;
  netPay: Exact;
  lkvExpected: Exact;
}

/** 10. The calendar year's totals after this month: the next month's `yearToDate`. */
export function yearToDateAfter(y: YearToDateExact, m: MonthForYearToDate): YearToDate {
  return {
    grossWage: formatAmount(y.grossWage.plus(m.gross).plus(m.backPay)),
    holidayAllowancePaid: formatAmount(
      y.holidayAllowancePaid.plus(m.holidayAllowancePaid).plus(m.holidayAllowanceOnBackPay),
    ),
    employeePension: formatAmount(y.employeePension.plus(m.pensionEmployee).plus(m.pensionEmployeeOnBackPay)),
    employerPension: formatAmount(y.employerPension.plus(m.pensionEmployer).plus(m.pensionEmployerOnBackPay)),
    taxableWage: formatAmount(y.taxableWage.plus(m.taxableWage)),
    wageTax: formatAmount(y.wageTax.plus(m.wageTax)),
    premiumWage: formatAmount(y.premiumWage.plus(m.premiumWage)),
    employerPremiums: formatAmount(y.employerPremiums.plus(m.employerPremiums)),
    netPay: formatAmount(y.netPay.plus(m.netPay)),
    lkvClaimed: formatAmount(y.lkvClaimed.plus(m.lkvExpected)),
  };
}
