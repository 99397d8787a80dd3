import type { PayrollCalculation, PayrollLine, PayrollLineCode, YearToDate } from '../domain/payroll/types';
import { formatDecimalNl, formatEuroNl, formatPercentNl } from './dutch';

/** What the payslip calls each line, its base and its rate, and the other labels it prints, in Dutch. */

export type PayslipPdfStatus = 'CALCULATED' | 'APPROVED' | 'PAID';

type Labeller = (line: PayrollLine, calc: PayrollCalculation) => string;

const LINE_LABELS: Record<PayrollLineCode, Labeller> = {
  GROSS_WAGE: (l, c) =>
    c.period.daysEmployed === 0
      ? 'Geen loon deze maand (uit dienst)'
      : /birthday/.test(l.description)
        ? `Bruto loon ${/from the birthday/.test(l.description) ? 'vanaf' : 'tot'} de verjaardag (${(l.rate ?? '').replace('/', ' van ')} dagen)`
        : c.period.partial
          ? `Bruto loon (${c.period.daysEmployed} van ${c.period.daysInMonth} dagen)`
          : 'Bruto loon',
  HOLIDAY_ALLOWANCE_PAID: (_l, c) =>
    c.holidayAllowance.payoutReason === 'END_OF_EMPLOYMENT'
      ? 'Vakantiebijslag, uitbetaald bij einde dienstverband'
      : 'Vakantiebijslag, uitbetaald (opbouwjaar juni-mei)',
  // The line's description starts with the month corrected: "Back pay 2026-01: …".
  BACK_PAY: (l) =>
    `Nabetaling loon ${/\d{4}-\d{2}/.exec(l.description)?.[0] ?? ''} (terugwerkende kracht)`.replace('  ', ' '),
  HOLIDAY_ALLOWANCE_BACK_PAY: () => 'Vakantiebijslag over nabetaling (opbouwjaar al uitbetaald)',
  PENSION_EMPLOYEE: () => 'Pensioenpremie werknemer',
  PENSION_EMPLOYEE_BACK_PAY: () => 'Pensioenpremie werknemer over nabetaling',
  WAGE_TAX: (_l, c) =>
    `Loonheffing (witte tabel, ${c.period.partial ? 'week en dag: gebroken tijdvak' : 'maand'}, ${c.wageTax.withTaxCredit ? 'met' : 'zonder'} loonheffingskorting)`,
  WAGE_TAX_SPECIAL: (_l, c) =>
    `Loonheffing over ${c.backPay ? (c.holidayAllowance.paid === '0.00' ? 'nabetaling' : 'vakantiebijslag en nabetaling') : 'vakantiebijslag'} (tabel bijzondere beloningen)`,
  NET_PAY: () => 'Netto loon',
  TAXABLE_WAGE: () => 'Loon voor de loonbelasting/volksverzekeringen',
  HOLIDAY_ALLOWANCE_RESERVED: () => 'Reservering vakantiebijslag deze maand',
  PREMIUM_WAGE: () => 'Loon voor de werknemersverzekeringen (tot het maximum)',
  AWF: (_l, c) => `Premie AWf (${c.awfClass === 'LOW' ? 'laag' : 'hoog'} tarief)`,
  AOF: () => 'Premie Aof',
  WKO: () => 'Opslag Wet kinderopvang (Wko)',
  WHK: () => 'Premie Whk',
  ZVW: () => 'Werkgeversheffing Zvw',
  PENSION_EMPLOYER: () => 'Pensioenpremie werkgever',
  PENSION_EMPLOYER_BACK_PAY: () => 'Pensioenpremie werkgever over nabetaling',
  LKV_EXPECTED: () => 'Loonkostenvoordeel (LKV), verwacht',
};

export const lineLabel = (line: PayrollLine, calc: PayrollCalculation) =>
  LINE_LABELS[line.code]?.(line, calc) ?? line.description;

export function lineBase(line: PayrollLine): string {
  if (line.base === null) return '';
  return line.code === 'LKV_EXPECTED' ? `${formatDecimalNl(line.base)} uur` : formatEuroNl(line.base);
}

export function lineRate(line: PayrollLine): string {
  if (line.rateUnit === 'TABLE') return 'tabel';
  if (line.rate === null) return '';
  switch (line.rateUnit) {
    case 'PERCENT':
      return formatPercentNl(line.rate);
    case 'FRACTION':
      return `${line.rate} dagen`;
    case 'EUR_PER_HOUR':
      return `${formatEuroNl(line.rate)}/uur`;
    default:
      return line.rate;
  }
}

/** Year-to-date totals: the employee's in the left column, the employer's (information) in the right. */
export const YEAR_TO_DATE_EMPLOYEE: [keyof YearToDate, string][] = [
  ['grossWage', 'Bruto loon'],
  ['holidayAllowancePaid', 'Vakantiebijslag uitbetaald'],
  ['employeePension', 'Pensioenpremie werknemer'],
  ['taxableWage', 'Loon voor de loonbelasting/volksverzekeringen'],
  ['wageTax', 'Loonheffing'],
  ['netPay', 'Netto loon'],
];
export const YEAR_TO_DATE_EMPLOYER: [keyof YearToDate, string][] = [
  ['premiumWage', 'Loon voor de werknemersverzekeringen'],
  ['employerPension', 'Pensioenpremie werkgever'],
  ['employerPremiums', 'Premies werkgever (AWf, Aof, Wko, Whk, Zvw)'],
  ['lkvClaimed', 'Loonkostenvoordeel, verwacht'],
];

export const STATUS_NL: Record<PayslipPdfStatus, string> = {
  CALCULATED: 'berekend, nog niet goedgekeurd',
  APPROVED: 'goedgekeurd, nog niet betaald',
  PAID: 'betaald',
};
