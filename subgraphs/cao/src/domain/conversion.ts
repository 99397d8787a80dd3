import { exact, roundCents, type Exact, type ExactValue } from '@samen-sterk/subgraph-runtime/pure';

/**
 * Hourly ↔ monthly amounts in this CAO: the one place where they convert.
 *
 * The CAO's salary table is monthly, for a full-time week (38 hours). The statutory minimum
 * wage is hourly (since 2024). The CAO's own table prints the minimum wage of €13.27 an hour
 * as €2,201.94 a month at 38 hours: 165.93… hours a month, which is 38 hours × 52.4 weeks / 12
 * (52 weeks / 12 would give €2,185.13). So, with the weeks a year a parameter of each version:
 *
 *   hours a month     = hours a week × weeks a year ÷ 12 (not rounded)
 *   monthly amount    = hourly amount × hours a month, rounded half up to cents
 *   hourly amount     = monthly amount ÷ hours a month, rounded half up to cents
 *   part-time monthly = full-time monthly × hours ÷ full-time hours, rounded half up to cents
 *
 * 13.27 × 38 × 52.4 ÷ 12 = 2201.9353… → 2201.94, as printed. (The youth rows of the CAO's
 * printed minimum-wage table do not all follow one factor: some differ by a cent from any.)
 */
export interface HoursBasis {
  fullTimeHoursPerWeek: ExactValue;
  weeksPerYear: ExactValue;
}

export const hoursPerMonth = (hoursPerWeek: ExactValue, basis: HoursBasis) =>
  exact(hoursPerWeek).times(exact(basis.weeksPerYear)).div(12);

export const monthlyFromHourly = (hourly: Exact, hoursPerWeek: Exact, basis: HoursBasis) =>
  roundCents(hourly.times(hoursPerMonth(hoursPerWeek, basis)));

export const hourlyFromMonthly = (monthly: Exact, hoursPerWeek: Exact, basis: HoursBasis) =>
  roundCents(monthly.div(hoursPerMonth(hoursPerWeek, basis)));

export const partTimeMonthly = (fullTimeMonthly: Exact, hoursPerWeek: Exact, basis: HoursBasis) =>
  roundCents(fullTimeMonthly.times(hoursPerWeek).div(exact(basis.fullTimeHoursPerWeek)));
