import { formatAmount, formatEuro, roundWhole, ZERO, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { ReadInput } from '../input';
import { WEEKS_PER_YEAR_FOR_PAID_HOURS } from '../parameters';
import {
  daysBefore,
  formatDate,
  hoursInMonth,
  monthAfterEmployment,
  monthBounds,
  monthSlice,
  periodName,
  prorate,
  type MonthSlice,
} from '../proration';
import type { PayrollInput, PayrollLine } from '../types';
import { NONE, payslipLine, type Step } from './step';

/**
 * A part of the month paid at one CAO answer: the whole month, or the days before and from a
 * birthday that changes the wage (rule 2a).
 */
export interface WagePart {
  monthly: Exact;
  hourly: Exact;
  minimumHourly: Exact;
  days: number;
  /** monthly × days / days in month, half up to cents. */
  gross: Exact;
  /** The birthday this part starts on, with the age reached; null for the part before it (or no birthday). */
  fromBirthday: { on: Date; age: number } | null;
}

export interface WageStep extends Step {
  /** The employment ended before this month: a former employee's payslip pays back pay only. */
  backPayOnly: boolean;
  slice: MonthSlice;
  /** One part, or two when a birthday inside the days employed changes the wage. */
  parts: WagePart[];
  gross: Exact;
  /** The wage return's paid hours ("verloonde uren"), whole hours. */
  paidHours: Exact;
}

/** The month's parts: split at a birthday inside the days employed that changes the wage. */
function wageParts(r: ReadInput, slice: MonthSlice, backPayOnly: boolean): WagePart[] {
  const whole = { monthly: r.monthly, hourly: r.hourly, minimumHourly: r.minimumWageHourly };
  const part = (w: typeof whole, days: number, fromBirthday: WagePart['fromBirthday']): WagePart => ({
    ...w,
    days,
    gross: prorate(w.monthly, days, slice.daysInMonth),
    fromBirthday,
  });
  const b = r.birthday;
  if (backPayOnly || b === null) return [part(whole, slice.daysEmployed, null)];
  const later = { monthly: b.monthly, hourly: b.hourly, minimumHourly: b.minimumWageHourly };
  const before = daysBefore(slice, b.on);
  const from = slice.daysEmployed - before;
  const birthday = { on: b.on, age: b.age };
  if (before === 0) return [part(later, from, birthday)];
  if (from === 0) return [part(whole, before, null)];
  return [part(whole, before, null), part(later, from, birthday)];
}

/**
 * 1–2. Pro rata by calendar days; gross wage (split at a birthday that changes the wage, each part
 * pro rata by calendar days and rounded on its own); paid hours. A former employee's payslip pays
 * back pay only.
 */
export function wageAndHours(input: PayrollInput, r: ReadInput): WageStep {
  const { year, month } = r;
  const { employment } = input;
  const backPayOnly =
    r.endDate !== null && r.endDate < monthBounds(year, month).first && (input.backPay?.length ?? 0) > 0;
  const slice = backPayOnly
    ? monthAfterEmployment(year, month)
    : monthSlice(year, month, { startDate: r.startDate, endDate: r.endDate });
  const parts = wageParts(r, slice, backPayOnly);
  const gross = parts.reduce((sum, p) => sum.plus(p.gross), ZERO);
  // Paid hours (the wage return's "verloonde uren"). Rounding: half up to whole hours.
  const paidHours = roundWhole(
    hoursInMonth(r.hoursPerWeek, WEEKS_PER_YEAR_FOR_PAID_HOURS, slice.daysEmployed, slice.daysInMonth),
  );
  const split = parts.length > 1 || parts[0]!.fromBirthday !== null;
  const explain = () => {
    const explanation = [
      `Payroll ${periodName(year, month)}, ${input.caoWage.caoVersionName}: ${r.hoursPerWeek.toFixed()} hours a week, ` +
        `${employment.contractType.toLowerCase().replace('_', '-')} contract${employment.writtenContract ? ' in writing' : ' not in writing'}.`,
      backPayOnly
        ? `The employment ended on ${formatDate(r.endDate!)}: no wage this month, back pay only.`
        : slice.partial
          ? `Employed ${formatDate(slice.from)} – ${formatDate(slice.to)}: ${slice.daysEmployed} of ${slice.daysInMonth} calendar days.` +
            (split
              ? ''
              : ` Gross wage ${formatEuro(r.monthly)} × ${slice.daysEmployed}/${slice.daysInMonth} = ${formatEuro(gross)} (half up to cents).`)
          : split
            ? 'Employed the whole month.'
            : `Employed the whole month. Gross wage = the CAO monthly wage ${formatEuro(gross)}.`,
    ];
    if (split) {
      const b = r.birthday!;
      explanation.push(
        `Birthday ${formatDate(b.on)} (age ${b.age}): the wage of that age is due from that day on (Wet minimumloon en ` +
          `minimumvakantiebijslag), so the month is split there, each part pro rata by calendar days: ` +
          parts
            .map(
              (p) =>
                `${p.fromBirthday ? 'from the birthday' : 'before it'} ${formatEuro(p.monthly)} × ${p.days}/${slice.daysInMonth} = ${formatEuro(p.gross)}`,
            )
            .join('; ') +
          ` (each half up to cents); gross ${formatEuro(gross)}.`,
      );
    }
    return explanation;
  };
  const lines: PayrollLine[] = parts.map((p) =>
    payslipLine({
      code: 'GROSS_WAGE',
      kind: 'EARNING',
      description: backPayOnly
        ? 'No wage this month: the employment has ended'
        : split
          ? p.fromBirthday
            ? `Gross wage from the birthday ${formatDate(p.fromBirthday.on)} (age ${p.fromBirthday.age}), ${p.days} of ${slice.daysInMonth} days`
            : `Gross wage before the birthday, ${p.days} of ${slice.daysInMonth} days`
          : slice.partial
            ? `Gross wage, ${slice.daysEmployed} of ${slice.daysInMonth} days`
            : 'Gross wage',
      base: formatAmount(p.monthly),
      rate: `${p.days}/${slice.daysInMonth}`,
      rateUnit: 'FRACTION',
      amount: formatAmount(p.gross),
    }),
  );
  return { backPayOnly, slice, parts, gross, paidHours, explain, warnings: NONE, lines };
}
