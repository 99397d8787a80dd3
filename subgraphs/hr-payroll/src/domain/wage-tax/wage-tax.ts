import {
  DomainError,
  Exact,
  HUNDRED,
  max,
  min,
  roundCents,
  roundDown,
  roundHalfUp,
  roundUp,
  ZERO,
} from '@samen-sterk/subgraph-runtime/pure';
import { PERIODS_PER_YEAR, type WageTaxPeriod, type TaxBracket, type WageTaxYearParameters } from './parameters';
import { amount, checkPeriod, d, eur, parametersFor, type AmountInput } from './inputs';

export type { AmountInput };
export * from './special-payments';

/**
 * Dutch wage tax (loonheffing: loonbelasting/premie volksverzekeringen), white table, monthly,
 * weekly and daily period, below AOW age, the way the Belastingdienst's rekenvoorschriften compute the binding
 * tables. Pure and exact: the runtime's `Exact` throughout, and every rounding is written where it
 * happens. See README.md in this folder for the algorithm, the sources and what is not certain.
 */

// The only roundings the rules use, named after the rekenvoorschriften's (RV) own words.
/** Down to whole euros ("naar beneden afronden op hele euro's"; RV §2.2.4). */
const floorEuros = (x: Exact) => roundDown(x, 0);
/** Up to whole euros ("naar boven afronden op hele euro's"; the credits, RV §2.2.3.1 and §2.2.3.4). */
const ceilEuros = (x: Exact) => roundUp(x, 0);
/** Arithmetically (half up) to 5 decimals (RV §2.2.3.4). */
const round5 = (x: Exact) => roundHalfUp(x, 5);
/** Down to cents: "in het voordeel van de werknemer". */
const floorCents = (x: Exact) => roundDown(x, 2);
/** Down to a multiple of `step`: the lower bound of the table row the amount falls in (RV §2.2.1). */
const downToMultipleOf = (x: Exact, step: Exact) => roundDown(x.div(step), 0).times(step);

/** How the explanations name a period: "Monthly wage", "this month". */
const PERIOD_WORDS: Readonly<Record<WageTaxPeriod, { wage: string; this: string }>> = {
  MONTH: { wage: 'Monthly wage', this: 'this month' },
  WEEK: { wage: 'Weekly wage', this: 'a week' },
  DAY: { wage: 'Daily wage', this: 'a day' },
};

export interface WageTaxInput {
  year: number;
  /** 'MONTH', 'WEEK' or 'DAY' (F = 12, 52, 260); anything else throws UNSUPPORTED_PERIOD. */
  period: string;
  /** The period's wage for wage tax (loon voor de loonbelasting, column 14 of the payroll record). */
  wage: AmountInput;
  /** Whether the employee has this employer apply the loonheffingskorting. */
  withTaxCredit: boolean;
}

export interface WageTaxResult {
  /** Wage tax to withhold for the period, in cents (the "met"/"zonder loonheffingskorting" column). */
  tax: Exact;
  /**
   * The table row the wage falls in (annual table wage / F). Above the highest table wage
   * there are no rows: it is the wage itself.
   */
  tableWage: Exact;
  /** Annual table wage L: the wage × F, rounded down to a multiple of Lv (€54). */
  annualWage: Exact;
  /** Annual tax before credits X1, whole euros (with cents above the highest table wage). */
  taxBeforeCredits: Exact;
  /** Annual general tax credit as applied (after capping to the tax), whole euros; 0 without credit. */
  generalTaxCredit: Exact;
  /** Annual employment tax credit as applied (after capping to the tax), whole euros; 0 without credit. */
  employmentTaxCredit: Exact;
  /**
   * The same amounts per period, each rounded half up to cents, as the tables print them. The
   * payslip and the wage tax return need the month's employment tax credit ("verrekende
   * arbeidskorting"). They need not add up to `tax` to the cent: each is rounded on its own.
   */
  period: { taxBeforeCredits: Exact; generalTaxCredit: Exact; employmentTaxCredit: Exact };
  /** The steps, for people. */
  explanation: string[];
}

/** Tax before credits X1 for an annual table wage L ≤ Lmax: floor((L − a) × b% + c). */
function annualTaxBeforeCredits(
  p: WageTaxYearParameters,
  L: Exact,
): { tax: Exact; bracket: TaxBracket; index: number } {
  const index = p.brackets.findIndex((b) => b.upTo === null || L.lessThanOrEqualTo(d(b.upTo)));
  const bracket = p.brackets[index]!;
  const unrounded = L.minus(d(bracket.from))
    .times(d(bracket.ratePercent))
    .div(HUNDRED)
    .plus(d(bracket.cumulativeTaxBelow));
  // Rounding: down to whole euros (RV §2.2.4). L ≥ 0, so never below zero.
  return { tax: floorEuros(unrounded), bracket, index };
}

/** Theoretical algemene heffingskorting for annual table wage L (RV §2.2.3.1). */
function generalTaxCredit(p: WageTaxYearParameters, L: Exact): { credit: Exact; note: string } {
  const g = p.generalTaxCredit;
  if (L.lessThanOrEqualTo(d(g.phaseOutFrom))) return { credit: d(g.max), note: `full amount (L ≤ ${g.phaseOutFrom})` };
  if (L.greaterThanOrEqualTo(d(g.zeroFrom))) return { credit: ZERO, note: `nil (L ≥ ${g.zeroFrom})` };
  const unrounded = d(g.max).minus(L.minus(d(g.phaseOutFrom)).times(d(g.phaseOutFactor)));
  // Rounding: up to whole euros, and never below nil.
  const credit = max(ZERO, ceilEuros(unrounded));
  return {
    credit,
    note: `${g.max} − (L − ${g.phaseOutFrom}) × ${g.phaseOutFactor} = ${unrounded.toFixed()} → up to ${credit.toFixed(0)}`,
  };
}

/** Theoretical arbeidskorting for annual table wage L (RV §2.2.3.4). */
function employmentTaxCredit(p: WageTaxYearParameters, L: Exact): { credit: Exact; note: string } {
  const e = p.employmentTaxCredit;
  if (L.greaterThanOrEqualTo(d(e.zeroFrom))) return { credit: ZERO, note: `nil (L ≥ ${e.zeroFrom})` };
  let built = ZERO;
  for (const segment of e.buildUp) {
    // Rounding: each product arithmetically to 5 decimals; then the running cap of the segment.
    const term = round5(d(segment.factor).times(max(ZERO, L.minus(d(segment.from)))));
    built = min(built.plus(term), d(segment.cumulativeCap));
  }
  // Rounding: the phase-out product arithmetically to 5 decimals.
  const phaseOut = round5(d(e.phaseOutFactor).times(max(ZERO, L.minus(d(e.phaseOutFrom)))));
  // Rounding: the credit up to whole euros, and never below nil.
  const credit = max(ZERO, ceilEuros(built.minus(phaseOut)));
  return { credit, note: `built up ${built.toFixed()} − phase-out ${phaseOut.toFixed()} → up to ${credit.toFixed(0)}` };
}

/**
 * Wage tax for one month's wage, white table, below AOW age. Identical to the Belastingdienst's
 * binding monthly table for the supported years (see README for how certain that is per year).
 */
export function wageTax(input: WageTaxInput): WageTaxResult {
  const p = parametersFor(input.year);
  const period = checkPeriod(input.period);
  const wage = amount(input.wage, 'wage');
  // A payroll run asks this for thousands of employees who earn the same: each distinct question
  // is computed once (the result depends on nothing else; Decimals are immutable). Copied out, so
  // no caller can change what the next one gets.
  const key = `${p.year}|${input.period}|${wage.toString()}|${Boolean(input.withTaxCredit)}`;
  let result = computed.get(key);
  if (!result) {
    result = computeWageTax(p, period, input.withTaxCredit, wage);
    if (computed.size >= COMPUTED_LIMIT) computed.clear();
    computed.set(key, result);
  }
  return { ...result, period: { ...result.period }, explanation: [...result.explanation] };
}

const computed = new Map<string, WageTaxResult>();
const COMPUTED_LIMIT = 20_000;

function computeWageTax(
  p: WageTaxYearParameters,
  period: WageTaxPeriod,
  withTaxCredit: boolean,
  wage: Exact,
): WageTaxResult {
  const F = d(PERIODS_PER_YEAR[period]);
  const words = PERIOD_WORDS[period];
  const Lv = d(p.annualTableStep);
  const explanation: string[] = [];
  const rawAnnual = wage.times(F);
  explanation.push(`${words.wage} ${eur(wage)} × ${F.toFixed()} = ${eur(rawAnnual)} a year.`);

  const Lmax = p.maxAnnualTableWage === null ? null : d(p.maxAnnualTableWage);
  if (Lmax !== null && rawAnnual.greaterThan(Lmax))
    return aboveHighestTableWage(p, F, wage, rawAnnual, Lmax, withTaxCredit, explanation);

  // Rounding: the annual wage DOWN to a multiple of Lv (the lower bound of its table row);
  // a wage of nil or less counts as nil.
  const L = rawAnnual.lessThanOrEqualTo(0) ? ZERO : downToMultipleOf(rawAnnual, Lv);
  if (L.greaterThan(d(p.highestSupportedAnnualTableWage))) {
    throw new DomainError(
      'ABOVE_SUPPORTED_WAGE',
      'wage',
      `For ${p.year} the highest table wage is not known here; ${words.wage.toLowerCase()}s from ` +
        `${eur(roundUp(d(p.highestSupportedAnnualTableWage).plus(Lv).div(F), 2))} up are not supported.`,
    );
  }
  // Rounding: the table row L / F UP to cents (RV table 8); for the month L / 12 is always whole cents.
  const tableWage = roundUp(L.div(F), 2);
  explanation.push(
    `Annual table wage L = ${eur(L, 0)} (rounded down to a multiple of €${p.annualTableStep}); table row ${eur(tableWage)}.`,
  );

  const { tax: X1, bracket, index } = annualTaxBeforeCredits(p, L);
  explanation.push(
    `Tax before credits: bracket ${index + 1} (${bracket.ratePercent}% above ${eur(d(bracket.from), 0)}, plus ${eur(d(bracket.cumulativeTaxBelow), 0)} below) = ${eur(X1, 0)} a year (rounded down to euros).`,
  );

  let ahk = ZERO;
  let ark = ZERO;
  if (withTaxCredit) {
    const general = generalTaxCredit(p, L);
    const employment = employmentTaxCredit(p, L);
    explanation.push(`General tax credit (algemene heffingskorting): ${general.note}.`);
    explanation.push(`Employment tax credit (arbeidskorting): ${employment.note}.`);
    // The credits cannot exceed the tax: the excess is taken off the arbeidskorting first, then off
    // the algemene heffingskorting (RV §2.2.4 order: AOK, ARK, OUK, AHK; only ARK and AHK here).
    const excess = max(ZERO, general.credit.plus(employment.credit).minus(X1));
    ark = max(ZERO, employment.credit.minus(excess));
    ahk = min(general.credit, X1.minus(ark));
    if (excess.greaterThan(0)) {
      explanation.push(
        `The credits exceed the tax by ${eur(excess, 0)}; applied: arbeidskorting ${eur(ark, 0)}, algemene heffingskorting ${eur(ahk, 0)}.`,
      );
    }
  } else {
    explanation.push('No loonheffingskorting applied.');
  }
  // All whole euros already: X = X1 − credits, never below nil.
  const X = max(ZERO, X1.minus(ahk).minus(ark));
  // Rounding: the annual amounts divided by F, each half up to cents (RV §2.2.5).
  const tax = roundCents(X.div(F));
  explanation.push(`Annual tax ${eur(X, 0)} / ${F.toFixed()} = ${eur(tax)} ${words.this} (rounded half up to cents).`);
  return {
    tax,
    tableWage,
    annualWage: L,
    taxBeforeCredits: X1,
    generalTaxCredit: ahk,
    employmentTaxCredit: ark,
    period: {
      taxBeforeCredits: roundCents(X1.div(F)),
      generalTaxCredit: roundCents(ahk.div(F)),
      employmentTaxCredit: roundCents(ark.div(F)),
    },
    explanation,
  };
}

/**
 * Above the highest table wage (RV §2.2.4 and the table's footnote): the tax of the highest row plus
 * 49,50% (the last bracket's rate) of the excess of the period's wage over the highest table wage,
 * that part rounded DOWN to cents. Both credits are nil at Lmax, so with or without credit is the same.
 */
function aboveHighestTableWage(
  p: WageTaxYearParameters,
  F: Exact,
  wage: Exact,
  rawAnnual: Exact,
  Lmax: Exact,
  withTaxCredit: boolean,
  explanation: string[],
): WageTaxResult {
  const top = p.brackets[p.brackets.length - 1]!;
  if (
    Lmax.lessThan(d(p.generalTaxCredit.zeroFrom)) ||
    Lmax.lessThan(d(p.employmentTaxCredit.zeroFrom)) ||
    Lmax.lessThanOrEqualTo(d(top.from))
  ) {
    throw new Error(`Parameters ${p.year}: Lmax must lie in the last bracket, above both credits' end points.`);
  }
  const { tax: taxAtLmax } = annualTaxBeforeCredits(p, Lmax);
  // Rounding: the highest row's period amount half up to cents (as the table prints it).
  const highestRowTax = roundCents(taxAtLmax.div(F));
  const highestRowWage = Lmax.div(F);
  // Rounding: the excess (L − Lmax) / F half up to 5 decimals (RV §2.2.4; exact for the month, whose
  // highest row is €11.092,50), then 49,50% of it DOWN to cents ("in het voordeel van de werknemer").
  const excess = round5(rawAnnual.minus(Lmax).div(F));
  const extra = floorCents(excess.times(d(top.ratePercent)).div(HUNDRED));
  const tax = highestRowTax.plus(extra);
  explanation.push(
    `Above the highest table wage ${eur(highestRowWage)}: its tax ${eur(highestRowTax)} plus ${top.ratePercent}% of ${eur(excess, 5)} ` +
      `= ${eur(extra)} (rounded down to cents) = ${eur(tax)} for the period.`,
  );
  explanation.push(withTaxCredit ? 'Both tax credits are nil at this wage.' : 'No loonheffingskorting applied.');
  // Annual figure as the RV writes it: Y + Xboven, the period amounts times F.
  const annualTax = tax.times(F);
  return {
    tax,
    tableWage: wage,
    // Rounding: the RV keeps the annual wage above Lmax to 5 decimals (half up).
    annualWage: round5(rawAnnual),
    taxBeforeCredits: annualTax,
    generalTaxCredit: ZERO,
    employmentTaxCredit: ZERO,
    period: { taxBeforeCredits: tax, generalTaxCredit: ZERO, employmentTaxCredit: ZERO },
    explanation,
  };
}
