/**
 * Employer-side payroll parameters for 2025 and 2026 (the wage tax itself lives in ../wage-tax).
 * Every value is a decimal string, read only into decimal.js, and carries its source.
 *
 * Sources (keys used below):
 * - PAYROLL-NL: /work/shared/data/payroll-nl.json, the project's parameter file, at the JSON path
 *   given. That file cites, among others, randstad.nl (werknemersverzekeringen),
 *   fundamentvoor.nl/node/56208 and /node/58952, and hlb-nannen.nl (volunteer allowance).
 * - SZW-2026: Ministerie van SZW, premiepercentages en maximumpremieloon 2026,
 *   Staatscourant stcrt-2025-42324 (1 December 2025), as reproduced by reintjesadvies.pl
 *   ("Premiepercentages en maximum premieloon 2026"): the same AWf/Aof/Wko figures as PAYROLL-NL,
 *   with the opslag kinderopvang (Wko) as its own line, 0.5 % in 2025 and 2026.
 * - SZW-2025: the same decision for 2025 as reproduced by smkaccountants.nl (4 December 2024).
 * - LKV-2026: Bijlage bij de Nieuwsbrief Loonheffingen 2026, uitgave 3, "loonkostenvoordelen",
 *   as reproduced by fundamentvoor.nl/node/58952 (a source of PAYROLL-NL): arbeidsgehandicapte
 *   werknemer €3.05 an hour, at most €6,000 a year, for 3 years; doelgroep banenafspraak €1.01 an
 *   hour, at most €2,000 a year, "zo lang de dienstbetrekking duurt" (for employees registered in
 *   the doelgroepregister; transitional law for those employed before 2026 is not modelled).
 * - LKV-2025 (ASSUMED): PAYROLL-NL has no 2025 wage-cost benefits. The amounts are fixed in the
 *   Wet tegemoetkomingen loondomein and have not changed since their introduction in 2018
 *   (€3.05 / €6,000; €1.01 / €2,000); in 2025 the job-agreement LKV still lasted at most 3 years
 *   (it became open-ended in 2026, see LKV-2026 and salarisvanmorgen.nl, 23 May 2024). Not read
 *   from an official 2025 publication here: confirm before relying on 2025 LKV figures.
 */

export type PayrollYear = 2025 | 2026;
export const PAYROLL_YEARS: readonly PayrollYear[] = [2025, 2026];

/** A parameter value with where it comes from. */
export interface Sourced {
  readonly value: string;
  readonly source: string;
}

export type LkvKind = 'JOB_AGREEMENT_TARGET_GROUP' | 'DISABLED_EMPLOYEE';

export interface LkvParameters {
  /** Euros per paid hour ("per verloond uur"). */
  readonly perHour: Sourced;
  /** At most this much per calendar year per employee. */
  readonly maxPerYear: Sourced;
  /** At most this many years from the start of the employment; null: as long as it lasts. */
  readonly maxYears: { readonly value: number | null; readonly source: string };
}

export interface PayrollYearParameters {
  readonly year: PayrollYear;
  /** Employer premiums, in percent of the premium wage (capped at the maximum premium wage). */
  readonly premiums: {
    /** Unemployment fund, low rate: written permanent contract (not on call). */
    readonly awfLow: Sourced;
    /** Unemployment fund, high rate: every other contract, and every on-call contract. */
    readonly awfHigh: Sourced;
    /** Disability fund, low rate: small employers. */
    readonly aofLow: Sourced;
    /** Disability fund, high rate: medium and large employers. */
    readonly aofHigh: Sourced;
    /** Childcare surcharge (uniforme opslag Wet kinderopvang), on the Aof premium wage. */
    readonly wko: Sourced;
    /** Return-to-work fund (Werkhervattingskas): the average rate; the real one is per employer. */
    readonly whkAverage: Sourced;
    /** Employer levy of the Health Insurance Act (werkgeversheffing Zvw). */
    readonly zvwEmployerLevy: Sourced;
  };
  /**
   * Maximum premium wage per year (maximumpremieloon); the same amount is the maximum contribution
   * wage of the Zvw (maximumbijdrageloon) in both years.
   */
  readonly maxPremiumWageYear: Sourced;
  readonly lkv: Readonly<Record<LkvKind, LkvParameters>>;
  /** Untaxed volunteer allowance limits (not used by the monthly calculation; kept for volunteers). */
  readonly volunteerAllowance: {
    readonly perHour21Plus: Sourced;
    readonly perHourUnder21: Sourced;
    readonly maxPerMonth: Sourced;
    readonly maxPerYear: Sourced;
  };
}

const fromFile = (year: PayrollYear, path: string, value: string): Sourced => ({
  value,
  source: `PAYROLL-NL years.${year}.${path}`,
});

const Y2026: PayrollYearParameters = {
  year: 2026,
  premiums: {
    awfLow: fromFile(2026, 'employerPremiums.AWfLow', '2.74'),
    awfHigh: fromFile(2026, 'employerPremiums.AWfHigh', '7.74'),
    aofLow: fromFile(2026, 'employerPremiums.AofLow', '6.27'),
    aofHigh: fromFile(2026, 'employerPremiums.AofHigh', '7.63'),
    wko: fromFile(2026, 'employerPremiums.childcareSurcharge', '0.50'),
    whkAverage: fromFile(2026, 'employerPremiums.WhkAverage', '1.52'),
    zvwEmployerLevy: fromFile(2026, 'employerPremiums.ZvwEmployerLevy', '6.10'),
  },
  maxPremiumWageYear: fromFile(2026, 'employerPremiums.maxPremiumWageYear', '79409'),
  lkv: {
    DISABLED_EMPLOYEE: {
      perHour: fromFile(2026, 'wageCostBenefits.arbeidsgehandicapteWerknemer.perHour', '3.05'),
      maxPerYear: fromFile(2026, 'wageCostBenefits.arbeidsgehandicapteWerknemer.maxPerYear', '6000'),
      maxYears: { value: 3, source: 'PAYROLL-NL years.2026.wageCostBenefits.arbeidsgehandicapteWerknemer.years' },
    },
    JOB_AGREEMENT_TARGET_GROUP: {
      perHour: fromFile(2026, 'wageCostBenefits.doelgroepBanenafspraak.perHour', '1.01'),
      maxPerYear: fromFile(2026, 'wageCostBenefits.doelgroepBanenafspraak.maxPerYear', '2000'),
      maxYears: { value: null, source: 'LKV-2026 ("zo lang de dienstbetrekking duurt")' },
    },
  },
  volunteerAllowance: {
    perHour21Plus: fromFile(2026, 'volunteerAllowanceUntaxed.perHour21plus', '5.75'),
    perHourUnder21: fromFile(2026, 'volunteerAllowanceUntaxed.perHourUnder21', '3.40'),
    maxPerMonth: fromFile(2026, 'volunteerAllowanceUntaxed.maxPerMonth', '220'),
    maxPerYear: fromFile(2026, 'volunteerAllowanceUntaxed.maxPerYear', '2200'),
  },
};

const assumed2025 = 'LKV-2025 (ASSUMED: unchanged statutory amount, not in PAYROLL-NL)';

const Y2025: PayrollYearParameters = {
  year: 2025,
  premiums: {
    awfLow: fromFile(2025, 'employerPremiums.AWfLow', '2.74'),
    awfHigh: fromFile(2025, 'employerPremiums.AWfHigh', '7.74'),
    aofLow: fromFile(2025, 'employerPremiums.AofLow', '6.28'),
    aofHigh: fromFile(2025, 'employerPremiums.AofHigh', '7.64'),
    wko: fromFile(2025, 'employerPremiums.childcareSurcharge', '0.50'),
    whkAverage: fromFile(2025, 'employerPremiums.WhkAverage', '1.33'),
    zvwEmployerLevy: fromFile(2025, 'employerPremiums.ZvwEmployerLevy', '6.51'),
  },
  maxPremiumWageYear: fromFile(2025, 'employerPremiums.maxPremiumWageYear', '75864'),
  lkv: {
    DISABLED_EMPLOYEE: {
      perHour: { value: '3.05', source: assumed2025 },
      maxPerYear: { value: '6000', source: assumed2025 },
      maxYears: { value: 3, source: assumed2025 },
    },
    JOB_AGREEMENT_TARGET_GROUP: {
      perHour: { value: '1.01', source: assumed2025 },
      maxPerYear: { value: '2000', source: assumed2025 },
      maxYears: { value: 3, source: assumed2025 },
    },
  },
  volunteerAllowance: {
    perHour21Plus: fromFile(2025, 'volunteerAllowanceUntaxed.perHour21plus', '5.60'),
    perHourUnder21: fromFile(2025, 'volunteerAllowanceUntaxed.perHourUnder21', '3.30'),
    maxPerMonth: fromFile(2025, 'volunteerAllowanceUntaxed.maxPerMonth', '210'),
    maxPerYear: fromFile(2025, 'volunteerAllowanceUntaxed.maxPerYear', '2100'),
  },
};

export const PAYROLL_PARAMETERS: Readonly<Record<PayrollYear, PayrollYearParameters>> = { 2025: Y2025, 2026: Y2026 };

/** Whether a value is an assumption rather than read from a source (the 2025 LKV figures): the result then warns. */
export const isAssumed = (parameter: { source: string }) => parameter.source.includes('ASSUMED');

/** Statutory minimum holiday allowance: 8 % of the wage (Wet minimumloon en minimumvakantiebijslag, art. 15). */
export const STATUTORY_HOLIDAY_ALLOWANCE_PERCENT = '8';

/**
 * Weeks in a year for the paid hours of a monthly wage (hours a week × 52 / 12), the usual way to
 * fill in the "verloonde uren" of the wage return for a fixed monthly wage.
 */
export const WEEKS_PER_YEAR_FOR_PAID_HOURS = '52';
