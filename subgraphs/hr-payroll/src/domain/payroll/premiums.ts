import {
  exact,
  formatEuro,
  formatPercent,
  max,
  min,
  percentOf,
  roundCents,
  sum,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import type { PayrollYearParameters, Sourced } from './parameters';
import type { ContractType } from './types';

/**
 * Employer premiums (werkgeverspremies) and the pension premiums.
 *
 * Premium wage (loon voor de werknemersverzekeringen) = the taxable wage of the month, regular and
 * special together (gross − employee pension + holiday allowance paid). The employee pension premium
 * lowers the premium wage as it lowers the taxable wage.
 *
 * Cap: premiums are charged on the premium wage up to the maximum premium wage PER YEAR, counted
 * cumulatively over the year at this employer: this month is charged on at most what is left of the
 * annual maximum after the year-to-date premium wage. (The Handboek Loonheffingen applies the cap per
 * wage period, with cumulative calculation allowed; see README: the months can differ, the year not
 * for a full-year employee.) The Zvw maximum contribution wage equals the maximum premium wage.
 *
 * Each premium: base × rate, half up to cents.
 */

export type AwfClass = 'LOW' | 'HIGH';

/**
 * AWf class (Wet arbeidsmarkt in balans): LOW only for a written contract for an indefinite period
 * that is not an on-call contract; HIGH otherwise. An on-call contract (oproepovereenkomst) is always
 * HIGH, even when written and permanent. (The same rule as `unemploymentPremiumClass` in
 * ../employment.ts, restated here with its reasons so this module stays free of the runtime.)
 */
export function awfClass(contractType: ContractType, writtenContract: boolean): { awfClass: AwfClass; reason: string } {
  if (contractType === 'ON_CALL') {
    return { awfClass: 'HIGH', reason: 'an on-call contract always pays the high AWf rate, written or not' };
  }
  if (contractType === 'FIXED_TERM')
    return { awfClass: 'HIGH', reason: 'a fixed-term contract pays the high AWf rate' };
  if (!writtenContract) {
    return { awfClass: 'HIGH', reason: 'a permanent contract pays the low AWf rate only when it is in writing' };
  }
  return { awfClass: 'LOW', reason: 'written permanent contract (not on call)' };
}

export interface PremiumWageCap {
  /** This month's premium wage, uncapped. */
  thisMonth: Exact;
  /** What is left of the annual maximum before this month. */
  remainingBefore: Exact;
  /** The part of this month's premium wage premiums are charged on. */
  charged: Exact;
  maxPerYear: Exact;
}

export function capPremiumWage(thisMonth: Exact, yearToDateBefore: Exact, maxPerYear: Exact): PremiumWageCap {
  // No rounding: all three are amounts in cents already.
  const remainingBefore = max(ZERO, maxPerYear.minus(yearToDateBefore));
  const charged = max(ZERO, min(thisMonth, remainingBefore));
  return { thisMonth, remainingBefore, charged, maxPerYear };
}

export interface PremiumLine {
  code: 'AWF' | 'AOF' | 'WKO' | 'WHK' | 'ZVW';
  description: string;
  base: Exact;
  ratePercent: Exact;
  amount: Exact;
  source: string;
}

export function employerPremiums(input: {
  parameters: PayrollYearParameters;
  base: Exact;
  awf: AwfClass;
  smallEmployer: boolean;
  whkPercent: Exact | null;
}): { lines: PremiumLine[]; total: Exact; explain: () => string[]; warnings: string[] } {
  const p = input.parameters.premiums;
  const whk: Sourced =
    input.whkPercent === null
      ? p.whkAverage
      : { value: input.whkPercent.toFixed(), source: "the employer's own Whk decision (settings.whkPercent)" };
  const spec: [PremiumLine['code'], string, Sourced][] = [
    [
      'AWF',
      `Unemployment fund (AWf), ${input.awf === 'LOW' ? 'low' : 'high'} rate`,
      input.awf === 'LOW' ? p.awfLow : p.awfHigh,
    ],
    [
      'AOF',
      `Disability fund (Aof), ${input.smallEmployer ? 'low rate (small employer)' : 'high rate (medium or large employer)'}`,
      input.smallEmployer ? p.aofLow : p.aofHigh,
    ],
    ['WKO', 'Childcare surcharge (opslag Wet kinderopvang), on the Aof premium wage', p.wko],
    ['WHK', `Return-to-work fund (Whk)${input.whkPercent === null ? ', average rate' : ''}`, whk],
    ['ZVW', 'Health insurance employer levy (werkgeversheffing Zvw)', p.zvwEmployerLevy],
  ];
  const lines = spec.map(([code, description, rate]): PremiumLine => {
    const ratePercent = exact(rate.value);
    // Rounding: each premium half up to cents.
    const amount = roundCents(percentOf(input.base, ratePercent));
    return { code, description, base: input.base, ratePercent, amount, source: rate.source };
  });
  const total = sum(lines.map((l) => l.amount));
  const explain = () =>
    lines.map(
      (l) =>
        `${l.description}: ${formatPercent(l.ratePercent)} % of ${formatEuro(l.base)} = ${formatEuro(l.amount)} (half up to cents).`,
    );
  const warnings =
    input.whkPercent === null
      ? [
          `Whk at the average rate of ${p.whkAverage.value} %: the real rate is set per employer (Belastingdienst decision); ` +
            'set settings.whkPercent to use it.',
        ]
      : [];
  return { lines, total, explain, warnings };
}

/** Pension premium: percent of the gross wage (no franchise), half up to cents. */
export function pensionPremium(gross: Exact, percent: Exact): Exact {
  // Rounding: half up to cents.
  return roundCents(percentOf(gross, percent));
}
