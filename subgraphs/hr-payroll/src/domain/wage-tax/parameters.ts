/**
 * Parameters of the Dutch wage tax (loonheffing = loonbelasting + premie volksverzekeringen) for
 * the WHITE table ("tabel voor werknemers", current employment), resident of the Netherlands,
 * standard (no herleiding), BELOW state-pension (AOW) age.
 *
 * Every amount is a string and is only ever read into decimal.js: no binary floating point.
 * Symbols in brackets (Lv, Lmax, a2, c2, ahkm1, arko1, …) are those of the Belastingdienst's
 * "Rekenvoorschriften voor de geautomatiseerde loonadministratie" (RV), so each value can be
 * checked line by line against that document.
 *
 * Sources (see README.md in this folder for what each was used for):
 * - [PAYROLL-NL] /work/shared/data/payroll-nl.json (the project's parameter file): brackets,
 *   national-insurance split, general tax credit, 2026 employment tax credit, 2025 maximum.
 * - [RV2026] Rekenvoorschriften voor de geautomatiseerde loonadministratie 2026, januari 2026,
 *   versie 2, §2.2.1 table 1a (Lv, Lmax), §2.2.2 table 2 (a, b, c), §2.2.3.1 table 3 (AHK),
 *   §2.2.3.4 table 6 (ARK), §2.2.4–2.2.5 (rounding):
 *   https://download.belastingdienst.nl/belastingdienst/docs/rekenvoorschriften_voor_geautomatiseerde_loonadministratie_lh991z62fd.pdf
 *   The PDF itself was not reachable from here; its values were read from two independent public
 *   transcriptions that cite it section by section and agree with each other (GitHub code index).
 * - [TAB-ARK-2025] Belastingdienst, "Tabel arbeidskorting 2025":
 *   https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/inkomstenbelasting/heffingskortingen_boxen_tarieven/heffingskortingen/arbeidskorting/tabel-arbeidskorting-2025
 *   (read through the open-source payroll programs rustyx/vrij-loon src/js/ib2025.js and
 *   Hilbrand/ib-broncode, both citing that page).
 * - [TAB-AHK-2025] Belastingdienst, "Tabel algemene heffingskorting 2025" (same route): 6,337%.
 * - [BB2026] Witte tabel bijzondere beloning Nederland, Standaard, januari 2026:
 *   https://download.belastingdienst.nl/belastingdienst/dl/rekenhulpen/loonheffing/2026/v01/pdf/wit_bb_nl_std_20260101.pdf
 *   (transcription in a public GitHub repository; see README).
 * - [BB2025-web] 2025 special-payments rows as quoted by webwoordenboek.nl, vanberkelwerkt.nl,
 *   mijntipsenadvies.nl (secondary sources; the official 2025 PDF was not available here).
 */

/**
 * The table periods supported: the month (the regular table here), and the week and the day (a
 * broken wage period, gebroken loontijdvak: see ../payroll/tax.ts).
 */
export type WageTaxPeriod = 'MONTH' | 'WEEK' | 'DAY';

/**
 * Tijdvakfactor F per period (RV2026 table 1b: kwartaal 4, maand 12, vier weken 13, week 52,
 * dag 260): the period wage × F is the annual wage the tables are built on, and the annual tax / F
 * is the period's tax. The same factors in 2025 (they follow from the periods, not from the year).
 */
export const PERIODS_PER_YEAR: Readonly<Record<WageTaxPeriod, string>> = { MONTH: '12', WEEK: '52', DAY: '260' };

export type SupportedYear = 2025 | 2026;

export interface TaxBracket {
  /** Lower bound a_i of the bracket (annual table wage, whole euros); the bracket applies above it. */
  readonly from: string;
  /** Upper bound, inclusive; null for the last bracket. */
  readonly upTo: string | null;
  /** Rate b_i in percent (loonbelasting + premie volksverzekeringen together). */
  readonly ratePercent: string;
  /**
   * c_i: the tax over all lower brackets together, whole euros. Each full bracket's tax is rounded
   * DOWN to whole euros before it is added (RV2026 table 2 gives 13.900 and 28.752 for 2026, and
   * that is exactly floor(38.883 × 35,75%) and 13.900 + floor(39.543 × 37,56%)).
   */
  readonly cumulativeTaxBelow: string;
}

/** One build-up segment of the employment tax credit (arbeidskorting). */
export interface EmploymentCreditBuildUp {
  /** The segment applies to the part of the annual table wage above this amount (arkg). */
  readonly from: string;
  /** Build-up factor (arko), e.g. 0.08324 for 8,324%. */
  readonly factor: string;
  /** Running maximum after this segment (arkm): the credit built up so far never exceeds it. */
  readonly cumulativeCap: string;
}

/**
 * One row of the white special-payments table (tabel bijzondere beloningen), below AOW age.
 * The row applies from `fromAnnualWage` (the previous year's annual wage, whole euros) until the
 * next row.
 */
export interface SpecialPaymentsRow {
  readonly fromAnnualWage: string;
  /** Column "zonder loonheffingskorting". */
  readonly withoutCreditPercent: string;
  /**
   * Column "met loonheffingskorting": the standard rate (standaardtarief) plus the
   * "verrekeningspercentage loonheffingskorting", already added up.
   */
  readonly withCreditPercent: string;
  /**
   * 'official': transcribed from the official table (through a public transcription, see README).
   * 'published': quoted by at least one secondary web source that copies the official table.
   * 'inferred': NOT seen in any source; reconstructed from the tax-credit slopes by the same
   *   pattern the 2024 and 2026 tables follow. Not used unless the caller opts in.
   */
  readonly status: 'official' | 'published' | 'inferred';
}

export interface WageTaxYearParameters {
  readonly year: SupportedYear;
  /**
   * Lv: the annual table wage is rounded DOWN to a multiple of this (54 → monthly steps of €4,50).
   * One step for every period (RV table 1a gives Lv for the annual source table; the week and day
   * tables are that table divided by 52 and 260).
   */
  readonly annualTableStep: string;
  /**
   * Lmax: the highest annual table wage. Above it the table's own rule applies (the tax of the
   * highest row plus 49,50% of the excess, rounded down to cents). null where it is not known.
   */
  readonly maxAnnualTableWage: string | null;
  /**
   * The highest annual table wage this module will compute for. Equal to Lmax where Lmax is
   * known; for 2025 (Lmax unknown) the first multiple of Lv at or above the point where the
   * employment tax credit has run out, which Lmax cannot be below. Higher wages are refused.
   */
  readonly highestSupportedAnnualTableWage: string;
  readonly brackets: readonly TaxBracket[];
  /** Premie volksverzekeringen, inside the first bracket's rate (information; the tables use the total). */
  readonly nationalInsurancePercent: {
    readonly AOW: string;
    readonly Anw: string;
    readonly Wlz: string;
    readonly total: string;
  };
  readonly generalTaxCredit: {
    /** ahkm1: maximum, granted in full up to and including `phaseOutFrom`. */
    readonly max: string;
    /** ahkg1 */
    readonly phaseOutFrom: string;
    /** ahka1: phase-out factor on the wage above `phaseOutFrom` (unrounded: 6,398% / 6,337%, not 6,40% / 6,34%). */
    readonly phaseOutFactor: string;
    /** ahkg2: from this annual wage on the credit is nil. */
    readonly zeroFrom: string;
  };
  readonly employmentTaxCredit: {
    readonly buildUp: readonly EmploymentCreditBuildUp[];
    /** arkg3: phase-out on the wage above this amount. */
    readonly phaseOutFrom: string;
    /** arka1 */
    readonly phaseOutFactor: string;
    /** arkg4: from this annual wage on the credit is nil. */
    readonly zeroFrom: string;
    /** The maximum credit (= last cumulativeCap), for information. */
    readonly max: string;
  };
  readonly specialPayments: readonly SpecialPaymentsRow[];
  readonly sources: readonly string[];
}

const Y2026: WageTaxYearParameters = {
  year: 2026,
  // RV2026 §2.2.1 table 1a.
  annualTableStep: '54',
  maxAnnualTableWage: '133110',
  highestSupportedAnnualTableWage: '133110',
  // PAYROLL-NL; RV2026 §2.2.2 table 2 (second-bracket rate 37,56% per the versie-2 correction).
  brackets: [
    { from: '0', upTo: '38883', ratePercent: '35.75', cumulativeTaxBelow: '0' },
    { from: '38883', upTo: '78426', ratePercent: '37.56', cumulativeTaxBelow: '13900' },
    { from: '78426', upTo: null, ratePercent: '49.50', cumulativeTaxBelow: '28752' },
  ],
  nationalInsurancePercent: { AOW: '17.90', Anw: '0.10', Wlz: '9.65', total: '27.65' },
  // PAYROLL-NL and RV2026 §2.2.3.1 table 3.
  generalTaxCredit: { max: '3115', phaseOutFrom: '29736', phaseOutFactor: '0.06398', zeroFrom: '78426' },
  // PAYROLL-NL segments and RV2026 §2.2.3.4 table 6 (caps 996 / 5.300 / 5.685 are running maxima).
  employmentTaxCredit: {
    buildUp: [
      { from: '0', factor: '0.08324', cumulativeCap: '996' },
      { from: '11965', factor: '0.31009', cumulativeCap: '5300' },
      { from: '25845', factor: '0.01950', cumulativeCap: '5685' },
    ],
    phaseOutFrom: '45592',
    phaseOutFactor: '0.06510',
    zeroFrom: '132920',
    max: '5685',
  },
  // BB2026, column "jonger dan AOW-leeftijd". Rows of the official table that only change the
  // AOW-age columns (34.719, 37.409, 41.124, 46.003, 59.783) are left out: below AOW age they
  // repeat the row before.
  specialPayments: [
    { fromAnnualWage: '0', withoutCreditPercent: '35.75', withCreditPercent: '0', status: 'official' },
    { fromAnnualWage: '11358', withoutCreditPercent: '35.75', withCreditPercent: '27.43', status: 'official' }, // 35,75 − 8,32
    { fromAnnualWage: '12923', withoutCreditPercent: '35.75', withCreditPercent: '4.74', status: 'official' }, // 35,75 − 31,01
    { fromAnnualWage: '23931', withoutCreditPercent: '35.75', withCreditPercent: '33.80', status: 'official' }, // 35,75 − 1,95
    { fromAnnualWage: '29737', withoutCreditPercent: '35.75', withCreditPercent: '40.20', status: 'official' }, // 35,75 + 4,45
    { fromAnnualWage: '38884', withoutCreditPercent: '37.56', withCreditPercent: '42.01', status: 'official' }, // 37,56 + 4,45
    { fromAnnualWage: '45593', withoutCreditPercent: '37.56', withCreditPercent: '50.47', status: 'official' }, // 37,56 + 12,91
    { fromAnnualWage: '78427', withoutCreditPercent: '49.50', withCreditPercent: '56.01', status: 'official' }, // 49,50 + 6,51
    { fromAnnualWage: '143555', withoutCreditPercent: '49.50', withCreditPercent: '49.50', status: 'official' },
  ],
  sources: ['PAYROLL-NL', 'RV2026', 'BB2026'],
};

const Y2025: WageTaxYearParameters = {
  year: 2025,
  // Lv = 54 in the 2022 and 2026 tables alike (monthly rows €4,50 apart); the 2025 figures the
  // tests check (published 2025 monthly amounts) only come out with this step.
  annualTableStep: '54',
  // NOT FOUND: the 2025 rekenvoorschriften (Lmax) were not available. See highestSupported….
  maxAnnualTableWage: null,
  // First multiple of 54 at or above arkg4 = 129.078 (2.391 × 54); monthly table wage €10.759,50.
  highestSupportedAnnualTableWage: '129114',
  // PAYROLL-NL. c2 = floor(38.441 × 35,82%) = 13.769; c3 = 13.769 + floor(38.376 × 37,48%) = 28.152
  // (derived by the rule that reproduces the official 2026 values; not read from RV2025).
  brackets: [
    { from: '0', upTo: '38441', ratePercent: '35.82', cumulativeTaxBelow: '0' },
    { from: '38441', upTo: '76817', ratePercent: '37.48', cumulativeTaxBelow: '13769' },
    { from: '76817', upTo: null, ratePercent: '49.50', cumulativeTaxBelow: '28152' },
  ],
  // Same premium percentages as 2026 (27,65% in bracket 1; loonbelasting part 8,17%).
  nationalInsurancePercent: { AOW: '17.90', Anw: '0.10', Wlz: '9.65', total: '27.65' },
  // PAYROLL-NL gives 6.34 (rounded); TAB-AHK-2025 and vrij-loon give the unrounded 6,337%.
  generalTaxCredit: { max: '3068', phaseOutFrom: '28406', phaseOutFactor: '0.06337', zeroFrom: '76817' },
  // TAB-ARK-2025: to 12.169: 8,053%; 12.169–26.288: 980 + 30,030%; 26.288–43.071: 5.220 + 2,258%;
  // 43.071–129.078: 5.599 − 6,510%; from 129.078: 0. Caps check: 0,08053 × 12.169 = 979,97 → 980;
  // 980 + 0,3003 × 14.119 = 5.219,9 → 5.220; 5.220 + 0,02258 × 16.783 = 5.598,96 → 5.599 (= PAYROLL-NL max).
  employmentTaxCredit: {
    buildUp: [
      { from: '0', factor: '0.08053', cumulativeCap: '980' },
      { from: '12169', factor: '0.30030', cumulativeCap: '5220' },
      { from: '26288', factor: '0.02258', cumulativeCap: '5599' },
    ],
    phaseOutFrom: '43071',
    phaseOutFactor: '0.06510',
    zeroFrom: '129078',
    max: '5599',
  },
  // Without credit: the bracket rates (published). With credit: see `status` of each row.
  specialPayments: [
    { fromAnnualWage: '0', withoutCreditPercent: '35.82', withCreditPercent: '0', status: 'published' },
    { fromAnnualWage: '11050', withoutCreditPercent: '35.82', withCreditPercent: '27.77', status: 'published' }, // 35,82 − 8,05
    { fromAnnualWage: '13144', withoutCreditPercent: '35.82', withCreditPercent: '5.79', status: 'published' }, // 35,82 − 30,03
    // Row start published (previous row ends at 24.341); rate inferred: 35,82 − 2,26 (arko3 2,258%).
    { fromAnnualWage: '24342', withoutCreditPercent: '35.82', withCreditPercent: '33.56', status: 'inferred' },
    { fromAnnualWage: '28407', withoutCreditPercent: '35.82', withCreditPercent: '39.90', status: 'published' }, // 35,82 + 4,08
    // Inferred: 37,48 + 4,08.
    { fromAnnualWage: '38442', withoutCreditPercent: '37.48', withCreditPercent: '41.56', status: 'inferred' },
    // Inferred: 37,48 + 12,85 (6,337% + 6,51%).
    { fromAnnualWage: '43072', withoutCreditPercent: '37.48', withCreditPercent: '50.33', status: 'inferred' },
    // Inferred: 49,50 + 6,51.
    { fromAnnualWage: '76818', withoutCreditPercent: '49.50', withCreditPercent: '56.01', status: 'inferred' },
    // Inferred: from round(129.078 × 1,08) + 1, the rule the 2024 and 2026 tables follow.
    { fromAnnualWage: '139405', withoutCreditPercent: '49.50', withCreditPercent: '49.50', status: 'inferred' },
  ],
  sources: ['PAYROLL-NL', 'TAB-ARK-2025', 'TAB-AHK-2025', 'BB2025-web'],
};

export const WAGE_TAX_PARAMETERS: Readonly<Record<SupportedYear, WageTaxYearParameters>> = { 2025: Y2025, 2026: Y2026 };

export const SUPPORTED_YEARS: readonly SupportedYear[] = [2025, 2026];
