import { exact, formatEuro, formatPercent, roundCents, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { STATUTORY_HOLIDAY_ALLOWANCE_PERCENT } from './parameters';
import type { ComplianceCheck } from './types';

/**
 * Checks that block approval of the payslip later (a payroll run approves only when all are ok).
 *
 * - MINIMUM_WAGE: the hourly wage is at least the statutory hourly minimum wage (Wet minimumloon en
 *   minimumvakantiebijslag; hourly since 2024). The hourly wage is the CAO service's own (`caoWage.hourly`,
 *   the monthly wage divided by the CAO's hours a month), so that the conversion between monthly and
 *   hourly amounts is made in one place only. The shortfall for the month is gross × shortfall per
 *   hour / hourly wage (= shortfall per hour × the hours the gross pays), half up to cents.
 * - CAO_WAGE: the gross wage is at least the CAO wage for the days employed. Gross is computed from
 *   the CAO wage here, so it holds by construction today; the check is there so a later change
 *   (an agreed wage, a manual correction) cannot pay below the CAO unnoticed.
 * - HOLIDAY_ALLOWANCE_PERCENT: at least 8 %. Lower is refused before any calculation (an error),
 *   so a result always carries this check as ok; it is listed so the payslip shows it was checked.
 */

export function minimumWageCheck(input: { gross: Exact; hourly: Exact; minimumHourly: Exact }): ComplianceCheck {
  const { gross, hourly, minimumHourly } = input;
  if (hourly.greaterThanOrEqualTo(minimumHourly)) {
    return {
      code: 'MINIMUM_WAGE',
      ok: true,
      message: `Hourly wage ${formatEuro(hourly)} is at least the statutory minimum wage of ${formatEuro(minimumHourly)} an hour.`,
    };
  }
  const perHour = minimumHourly.minus(hourly);
  // Rounding: the month's shortfall half up to cents.
  const month = hourly.isZero() ? null : roundCents(gross.times(perHour).div(hourly));
  return {
    code: 'MINIMUM_WAGE',
    ok: false,
    message:
      `${formatEuro(perHour)} an hour below the statutory minimum wage: ${formatEuro(hourly)} an hour is paid, the minimum is ${formatEuro(minimumHourly)}` +
      (month === null ? '.' : `; ${formatEuro(month)} too little this month on a gross wage of ${formatEuro(gross)}.`),
  };
}

export function caoWageCheck(input: { gross: Exact; caoWageForDays: Exact }): ComplianceCheck {
  const { gross, caoWageForDays } = input;
  if (gross.greaterThanOrEqualTo(caoWageForDays)) {
    return {
      code: 'CAO_WAGE',
      ok: true,
      message: `Gross wage ${formatEuro(gross)} is at least the CAO wage for the days employed (${formatEuro(caoWageForDays)}).`,
    };
  }
  return {
    code: 'CAO_WAGE',
    ok: false,
    message: `${formatEuro(caoWageForDays.minus(gross))} below the CAO wage: ${formatEuro(gross)} is paid, the CAO wage for the days employed is ${formatEuro(caoWageForDays)}.`,
  };
}

export function holidayAllowanceCheck(percent: Exact): ComplianceCheck {
  const minimum = exact(STATUTORY_HOLIDAY_ALLOWANCE_PERCENT);
  const ok = percent.greaterThanOrEqualTo(minimum);
  return {
    code: 'HOLIDAY_ALLOWANCE_PERCENT',
    ok,
    message: ok
      ? `Holiday allowance ${formatPercent(percent)} % of the wage, at least the statutory ${formatPercent(minimum)} %.`
      : `Holiday allowance ${formatPercent(percent)} % is ${formatPercent(minimum.minus(percent))} percentage points below the statutory ${formatPercent(minimum)} %.`,
  };
}
