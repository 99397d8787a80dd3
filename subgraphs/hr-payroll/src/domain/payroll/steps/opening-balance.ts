import { monthIndex, periodName } from '../proration';
import { NONE, SILENT, type Step } from './step';

/**
 * 0. Opening balances: the employee's first month paid here carries on from the former payroll
 * system's figures (opening-balances.ts). Says so, and warns when months lie between them and
 * this month: those months' wages are in neither.
 */
export function openingBalanceOfMonth(asOf: string | undefined, year: number, month: number): Step {
  if (asOf === undefined) return { explain: SILENT, warnings: NONE, lines: NONE };
  const [asOfYear, asOfMonth] = asOf.split('-').map(Number) as [number, number];
  const explain = () => [
    `First month paid here: the year to date, the holiday allowance reserved and last year's annual wage start from the opening balances of the former payroll system as of ${asOf}.`,
  ];
  const gap = monthIndex(year, month) - monthIndex(asOfYear, asOfMonth) - 1;
  if (gap <= 0) return { explain, warnings: NONE, lines: NONE };
  const from = monthIndex(asOfYear, asOfMonth) + 1;
  const to = monthIndex(year, month) - 1;
  const name = (index: number) => periodName(Math.floor(index / 12), (index % 12) + 1);
  return {
    explain,
    warnings: [
      `The opening balances are as of ${asOf}, but the first month paid here is ${periodName(year, month)}: ` +
        `the wages of ${gap === 1 ? name(from) : `${name(from)} to ${name(to)}`} are in neither, so the year to date misses them. ` +
        'Enter the balances as of the last day of the month before the first one paid here.',
    ],
    lines: NONE,
  };
}
