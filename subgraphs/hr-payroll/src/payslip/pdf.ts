import { PDFDocument } from 'pdf-lib';
import { maskBsn, maskIban } from '../domain/masking';
import type { PayrollCalculation, PayrollLine, PayrollLineCode, YearToDate } from '../domain/payroll/types';
import { dateNl, formatDecimalNl, formatEuroNl, formatPercentNl, negate, periodNl } from './dutch';
import {
  lineBase,
  lineLabel,
  lineRate,
  STATUS_NL,
  YEAR_TO_DATE_EMPLOYEE,
  YEAR_TO_DATE_EMPLOYER,
  type PayslipPdfStatus,
} from './labels';
import { embedPayslipFonts } from './fonts';
import { DRAFT, GREY, LEFT, RIGHT, Writer, type TextStyle } from './layout';

/**
 * The payslip (loonstrook) as a PDF, in Dutch: what art. 7:626 BW asks of a written pay statement
 * (employer, employee, period, hours, hourly wage, the statutory minimum wage, gross, every
 * deduction and contribution, net) plus the wage-tax table and credit applied, the employer's
 * costs (as information), the CAO version used and the year-to-date totals.
 *
 * Amounts are formatted from the calculation's exact decimal strings by string operations only
 * (./dutch.ts): no amount ever passes through a JavaScript number. The BSN and IBAN are always
 * masked here, whatever the caller passes: a document leaves the platform and is kept, printed and
 * mailed. The labels are in ./labels.ts, the layout engine in ./layout.ts.
 */

export type { PayslipPdfStatus } from './labels';

/** What the payslip PDF is made from. `inputs` and `calculation` are the payslip's stored JSON. */
export interface PayslipPdfData {
  /** The payslip's id, printed as a reference. */
  id: string;
  /** Anything other than PAID is printed as a draft (CONCEPT). */
  status: PayslipPdfStatus;
  /** From the members directory: hr-payroll does not keep it. */
  employer: { name: string; city?: string | null; kvkNumber?: string | null };
  /** `bsn` and `iban` are masked by this module; passing them masked already is fine. */
  employee: { name: string; bsn: string; iban?: string | null };
  employment?: {
    functionTitle?: string | null;
    caoScale?: number | null;
    caoStep?: number | null;
    /** A Date at 00:00 UTC or `YYYY-MM-DD`. */
    startDate?: Date | string | null;
  } | null;
  /** The part of the frozen `PayrollInput` the payslip shows (a stored `PayrollInput` fits). */
  inputs: {
    employment: { hoursPerWeek: string };
    caoWage: { hourly: string; minimumWageHourly: string };
  };
  calculation: PayrollCalculation;
  paidAt?: Date | null;
  /** Printed in the footer and set as the document's dates; now when left out. */
  generatedAt?: Date;
}

const TABLE_HEADS = { description: 'Omschrijving', base: 'Grondslag', rate: 'Tarief', amount: 'Bedrag' };

/** The payslip as a PDF (A4, Noto Sans embedded (./fonts.ts), Dutch). */
export async function renderPayslipPdf(payslip: PayslipPdfData): Promise<Uint8Array> {
  const calc = payslip.calculation;
  const generatedAt = payslip.generatedAt ?? new Date();
  const period = periodNl(calc.period.year, calc.period.month);
  const employerName = payslip.employer.name.trim();
  if (!employerName) throw new Error('A payslip names its employer.');

  const doc = await PDFDocument.create();
  doc.setTitle(`Loonstrook ${period}`);
  doc.setSubject(`Loonstrook ${period}, ${employerName}`);
  doc.setAuthor(employerName);
  doc.setCreator('Samen Sterk platform');
  doc.setProducer('Samen Sterk platform (pdf-lib)');
  doc.setLanguage('nl-NL');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
  const fonts = await embedPayslipFonts(doc);
  const w = new Writer(
    doc,
    fonts.regular,
    fonts.bold,
    `Loonstrook ${period} - ${payslip.employee.name} - ${employerName} (vervolg)`,
  );

  // Title.
  w.text('Loonstrook', LEFT, { size: 20, bold: true });
  w.text(period, RIGHT, { size: 14, bold: true, align: 'right' });
  w.down(16);
  if (payslip.status !== 'PAID') {
    w.text(`CONCEPT - ${STATUS_NL[payslip.status]}; geen betaalde loonstrook`, LEFT, { bold: true, color: DRAFT });
    w.down(12);
  }
  w.down(8);

  parties(w, payslip, employerName);

  // Period, hours and wage.
  w.heading('Periode, uren en loon');
  w.pairs(
    [
      ['Periode', `${period} (${dateNl(calc.period.firstDay)} t/m ${dateNl(calc.period.lastDay)}), loontijdvak maand`],
      ['CAO', calc.cao.versionName],
    ],
    { columns: 1, labelWidth: 115 },
  );
  w.pairs(
    [
      ['Arbeidsduur', `${formatDecimalNl(payslip.inputs.employment.hoursPerWeek)} uur per week`],
      ['Uurloon', formatEuroNl(payslip.inputs.caoWage.hourly)],
      ['Uren (verloond)', `${formatDecimalNl(calc.paidHours)} uur`],
      ['Wettelijk minimumloon', `${formatEuroNl(payslip.inputs.caoWage.minimumWageHourly)} per uur`],
      ['Dagen in dienst', `${calc.period.daysEmployed} van ${calc.period.daysInMonth}`],
    ],
    { labelWidth: 115 },
  );

  // Pay: earnings, deductions, net.
  const earnings = calc.lines.filter((l) => l.kind === 'EARNING');
  const deductions = calc.lines.filter((l) => l.kind === 'DEDUCTION');
  const employerCosts = calc.lines.filter((l) => l.kind === 'EMPLOYER_COST');
  const shownElsewhere = new Set<PayrollLineCode>(['NET_PAY', 'TAXABLE_WAGE']);
  const information = calc.lines.filter((l) => l.kind === 'INFORMATION' && !shownElsewhere.has(l.code));
  const row = (l: PayrollLine, sign: 1 | -1 = 1) => ({
    description: lineLabel(l, calc),
    base: lineBase(l),
    rate: lineRate(l),
    amount: formatEuroNl(sign === 1 ? l.amount : negate(l.amount)),
  });

  w.heading('Loon en inhoudingen');
  w.tableHeader(TABLE_HEADS);
  for (const l of earnings) w.tableRow(row(l));
  w.down(4);
  w.text('Inhoudingen', LEFT, { bold: true });
  w.down(12);
  for (const l of deductions) w.tableRow(row(l, -1));
  w.down(2);
  w.rule();
  w.down(4);
  w.tableRow({ description: 'Netto', amount: formatEuroNl(calc.netPay) }, { bold: true, size: 11 });
  if (payslip.employee.iban) {
    w.text(`Over te maken op ${maskIban(payslip.employee.iban.replace(/\s+/g, ''))}`, LEFT, { color: GREY, size: 8 });
    w.down(11);
  }

  // Wage tax.
  w.heading('Loonheffing');
  w.pairs(
    [
      ['Loonheffingstabel', 'witte tabel, maand'],
      ['Loonheffingskorting toegepast', calc.wageTax.withTaxCredit ? 'ja' : 'nee'],
      ['Loon voor de loonbelasting', formatEuroNl(calc.taxableWage.total)],
      ['Loonheffing ingehouden', formatEuroNl(calc.wageTax.total)],
      ...(calc.wageTax.specialRatePercent !== null
        ? ([['Tarief bijzondere beloningen', formatPercentNl(calc.wageTax.specialRatePercent)]] as [string, string][])
        : []),
    ],
    { labelWidth: 150 },
  );

  // Employer costs, as information.
  w.heading('Werkgeverslasten (ter informatie, niet ingehouden op uw loon)');
  w.tableHeader(TABLE_HEADS);
  for (const l of employerCosts) w.tableRow(row(l));
  w.down(2);
  w.rule();
  w.down(4);
  w.tableRow({ description: 'Totaal werkgeverslasten', amount: formatEuroNl(calc.employerCostsTotal) }, { bold: true });

  // Other information.
  w.heading('Overige informatie');
  for (const l of information) w.tableRow(row(l));
  w.tableRow({
    description: 'Opgebouwde vakantiebijslag, nog niet uitbetaald',
    amount: formatEuroNl(calc.holidayAllowance.accrualAfter.reserved),
  });

  // Year to date.
  w.heading(`Cumulatieven ${calc.period.year} (t/m ${period})`);
  const ytd = ([key, label]: [keyof YearToDate, string]): [string, string] => [
    label,
    formatEuroNl(calc.yearToDateAfter[key]),
  ];
  w.pairs(
    YEAR_TO_DATE_EMPLOYEE.flatMap((left, i) => {
      const right = YEAR_TO_DATE_EMPLOYER[i];
      return right ? [ytd(left), ytd(right)] : [ytd(left), ['', ''] as [string, string]];
    }),
    { valueRight: true },
  );

  // Footer on every page.
  const reference = `Kenmerk ${payslip.id} - status: ${STATUS_NL[payslip.status]}${
    payslip.paidAt ? ` op ${dateNl(payslip.paidAt)}` : ''
  } - aangemaakt ${dateNl(generatedAt)}`;
  w.footer(reference, (page, pages) => `Pagina ${page} van ${pages}`);

  return doc.save({ useObjectStreams: false });
}

/** Employer and employee side by side: the names in bold and whole (wrapped, never cut), the details below them. */
function parties(w: Writer, payslip: PayslipPdfData, employerName: string) {
  const half = (RIGHT - LEFT - 20) / 2;
  const employer: string[] = [
    employerName,
    payslip.employer.city ?? '',
    payslip.employer.kvkNumber ? `KvK-nummer ${payslip.employer.kvkNumber}` : '',
  ].filter(Boolean);
  const job = payslip.employment;
  const employee: string[] = [
    payslip.employee.name,
    `BSN ${maskBsn(payslip.employee.bsn.trim())}`,
    payslip.employee.iban ? `IBAN ${maskIban(payslip.employee.iban.replace(/\s+/g, ''))}` : '',
    job?.functionTitle ? `Functie: ${job.functionTitle}` : '',
    job?.caoScale != null ? `Schaal ${job.caoScale}${job.caoStep != null ? `, trede ${job.caoStep}` : ''}` : '',
    job?.startDate ? `In dienst sinds ${dateNl(job.startDate)}` : '',
  ].filter(Boolean);
  w.text('Werkgever', LEFT, { size: 8, color: GREY });
  w.text('Werknemer', LEFT + half + 20, { size: 8, color: GREY });
  w.down(12);
  const block = (items: string[]) =>
    items.flatMap((item, i) => {
      const style: TextStyle = i === 0 ? { bold: true, size: 10 } : {};
      return w.wrap(item, half, style).map((text) => ({ text, style }));
    });
  const left = block(employer);
  const right = block(employee);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const [l, r] = [left[i], right[i]];
    if (l) w.text(l.text, LEFT, l.style);
    if (r) w.text(r.text, LEFT + half + 20, r.style);
    w.down(l?.style.bold || r?.style.bold ? 13 : 11);
  }
}
