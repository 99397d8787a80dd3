import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { maskBsn, maskIban } from '../domain/masking';
import type { PayrollCalculation, PayrollLine, PayrollLineCode, YearToDate } from '../domain/payroll/types';

/**
 * The payslip (loonstrook) as a PDF, in Dutch: what art. 7:626 BW asks of a written pay statement
 * (employer, employee, period, hours, hourly wage, the statutory minimum wage, gross, every
 * deduction and contribution, net) plus the wage-tax table and credit applied, the employer's
 * costs (as information), the CAO version used and the year-to-date totals.
 *
 * Amounts are formatted from the calculation's exact decimal strings by string operations only:
 * no amount ever passes through a JavaScript number. The BSN and IBAN are always masked here,
 * whatever the caller passes: a document leaves the platform and is kept, printed and mailed.
 */

export type PayslipPdfStatus = 'CALCULATED' | 'APPROVED' | 'PAID';

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

// ---------------------------------------------------------------------------------------------
// Dutch number formatting, exact: strings in, strings out.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `"1234.5"` → `"1.234,5"`; `minDecimals` pads the fraction with zeros. Only decimal strings are accepted. */
export function formatDecimalNl(value: string, minDecimals = 0): string {
  if (typeof value !== 'string') throw new TypeError(`An amount must be a decimal string, not ${typeof value}.`);
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new TypeError(`Not a decimal number: "${value}".`);
  const [, sign, digits = '0', fraction = ''] = match;
  const whole = digits.replace(/^0+(?=\d)/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.padEnd(minDecimals, '0');
  const zero = /^0*$/.test(whole + fraction);
  return `${sign && !zero ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** `"1234.56"` → `"€ 1.234,56"`, `"-12.30"` → `"€ -12,30"` (the Dutch notation). */
export function formatEuro(amount: string): string {
  const formatted = formatDecimalNl(amount, 2);
  return formatted.startsWith('-') ? `€ -${formatted.slice(1)}` : `€ ${formatted}`;
}

/** The amount with the opposite sign, as a string (a deduction shown as minus). */
export function negate(amount: string): string {
  const trimmed = amount.trim();
  if (!DECIMAL.test(trimmed)) throw new TypeError(`Not a decimal number: "${amount}".`);
  if (/^-?[0.]*$/.test(trimmed)) return trimmed.replace(/^-/, '');
  return trimmed.startsWith('-') ? trimmed.slice(1) : `-${trimmed}`;
}

/** `"6.5"` → `"6,5%"`. */
export const formatPercent = (percent: string) => `${formatDecimalNl(percent)}%`;

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** `2026, 1` → `"januari 2026"`. */
export const periodNl = (year: number, month: number) => `${MONTHS[month - 1] ?? `maand ${month}`} ${year}`;

/** A calendar date (`YYYY-MM-DD…` or a Date at 00:00 UTC) as `dd-mm-jjjj`. */
export function dateNl(value: Date | string): string {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new TypeError(`Not a date: "${iso}".`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

// ---------------------------------------------------------------------------------------------
// What each line is called on the payslip.

type Labeller = (line: PayrollLine, calc: PayrollCalculation) => string;

const LINE_LABELS: Record<PayrollLineCode, Labeller> = {
  GROSS_WAGE: (_l, c) =>
    c.period.daysEmployed === 0
      ? 'Geen loon deze maand (uit dienst)'
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
    `Loonheffing (witte tabel, maand, ${c.wageTax.withTaxCredit ? 'met' : 'zonder'} loonheffingskorting)`,
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

const lineLabel = (line: PayrollLine, calc: PayrollCalculation) =>
  LINE_LABELS[line.code]?.(line, calc) ?? line.description;

function lineBase(line: PayrollLine): string {
  if (line.base === null) return '';
  return line.code === 'LKV_EXPECTED' ? `${formatDecimalNl(line.base)} uur` : formatEuro(line.base);
}

function lineRate(line: PayrollLine): string {
  if (line.rateUnit === 'TABLE') return 'tabel';
  if (line.rate === null) return '';
  switch (line.rateUnit) {
    case 'PERCENT':
      return formatPercent(line.rate);
    case 'FRACTION':
      return `${line.rate} dagen`;
    case 'EUR_PER_HOUR':
      return `${formatEuro(line.rate)}/uur`;
    default:
      return line.rate;
  }
}

/** Year-to-date totals: the employee's in the left column, the employer's (information) in the right. */
const YEAR_TO_DATE_EMPLOYEE: [keyof YearToDate, string][] = [
  ['grossWage', 'Bruto loon'],
  ['holidayAllowancePaid', 'Vakantiebijslag uitbetaald'],
  ['employeePension', 'Pensioenpremie werknemer'],
  ['taxableWage', 'Loon voor de loonbelasting/volksverzekeringen'],
  ['wageTax', 'Loonheffing'],
  ['netPay', 'Netto loon'],
];
const YEAR_TO_DATE_EMPLOYER: [keyof YearToDate, string][] = [
  ['premiumWage', 'Loon voor de werknemersverzekeringen'],
  ['employerPension', 'Pensioenpremie werkgever'],
  ['employerPremiums', 'Premies werkgever (AWf, Aof, Wko, Whk, Zvw)'],
  ['lkvClaimed', 'Loonkostenvoordeel, verwacht'],
];

const STATUS_NL: Record<PayslipPdfStatus, string> = {
  CALCULATED: 'berekend, nog niet goedgekeurd',
  APPROVED: 'goedgekeurd, nog niet betaald',
  PAID: 'betaald',
};

// ---------------------------------------------------------------------------------------------
// Layout: A4, one column of blocks, a new page when the next block does not fit.

const A4: [number, number] = [595.28, 841.89];
const LEFT = 50;
const RIGHT = A4[0] - 50;
const TOP = A4[1] - 50;
const BOTTOM = 70;
const GREY = rgb(0.4, 0.4, 0.4);
const LIGHT = rgb(0.75, 0.75, 0.75);
const DRAFT = rgb(0.75, 0.1, 0.1);

/** Table columns of the lines: description, base, rate, amount (right edges of the numbers). */
const COL_DESCRIPTION_WIDTH = 285;
const COL_BASE_RIGHT = 410;
const COL_RATE_RIGHT = 478;
const COL_AMOUNT_RIGHT = RIGHT;

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: ReturnType<typeof rgb>;
}

class Writer {
  private page!: PDFPage;
  y = TOP;
  readonly pages: PDFPage[] = [];
  private readonly encodable: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    /** Printed at the top of every page after the first, so that each page says whose payslip it is. */
    private readonly continuation: string,
  ) {
    this.encodable = new Set(regular.getCharacterSet());
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = TOP;
    if (this.pages.length > 1) {
      this.text(this.fit(this.continuation, RIGHT - LEFT, { size: 8 }), LEFT, { size: 8, color: GREY });
      this.down(20);
    }
  }

  /** Room for `height` points, or a new page. */
  ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /**
   * Text the standard font can draw (WinAnsi): accents it lacks are dropped (`ł` → `l`, `ş` → `s`),
   * anything else becomes `?`, so that an unusual name never stops a payslip.
   */
  printable(text: string): string {
    return Array.from(text.replace(/[\r\n\t]+/g, ' '))
      .map((ch) => {
        if (this.encodable.has(ch.codePointAt(0)!)) return ch;
        const plain = ch
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[łŁđĐøØıħ]/g, (c) => ({ ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ı: 'i', ħ: 'h' })[c] ?? c);
        return Array.from(plain).every((p) => this.encodable.has(p.codePointAt(0)!)) ? plain : '?';
      })
      .join('');
  }

  font(style: TextStyle) {
    return style.bold ? this.bold : this.regular;
  }

  width(text: string, style: TextStyle = {}) {
    return this.font(style).widthOfTextAtSize(this.printable(text), style.size ?? 9);
  }

  /** Cuts `text` to `maxWidth` with an ellipsis. */
  fit(text: string, maxWidth: number, style: TextStyle = {}) {
    let value = this.printable(text);
    if (this.width(value, style) <= maxWidth) return value;
    while (value.length > 1 && this.width(`${value}…`, style) > maxWidth) value = value.slice(0, -1);
    return `${value.trimEnd()}…`;
  }

  /** Splits `text` into lines of at most `maxWidth`, at spaces. */
  wrap(text: string, maxWidth: number, style: TextStyle = {}): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of this.printable(text).split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && this.width(candidate, style) > maxWidth) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) lines.push(current);
    return lines.map((line) => this.fit(line, maxWidth, style));
  }

  /** Draws at the current line; `x` is the left edge, or the right edge with `align: 'right'`. */
  text(text: string, x: number, style: TextStyle & { align?: 'left' | 'right'; y?: number } = {}) {
    const value = this.printable(text);
    if (!value) return;
    const size = style.size ?? 9;
    const font = this.font(style);
    const left = style.align === 'right' ? x - font.widthOfTextAtSize(value, size) : x;
    this.page.drawText(value, { x: left, y: style.y ?? this.y, size, font, color: style.color ?? rgb(0, 0, 0) });
  }

  rule(from = LEFT, to = RIGHT, color = LIGHT) {
    this.page.drawLine({ start: { x: from, y: this.y + 3 }, end: { x: to, y: this.y + 3 }, thickness: 0.5, color });
  }

  down(points: number) {
    this.y -= points;
  }

  heading(text: string) {
    this.ensure(40);
    this.down(10);
    this.text(text, LEFT, { size: 11, bold: true });
    this.down(5);
    this.rule(LEFT, RIGHT, GREY);
    this.down(10);
  }

  /** A line of the pay table: description (wrapped), base, rate, amount. */
  tableRow(cells: { description: string; base?: string; rate?: string; amount: string }, style: TextStyle = {}) {
    const lines = this.wrap(cells.description, COL_DESCRIPTION_WIDTH, style);
    this.ensure(lines.length * 12);
    const top = this.y;
    lines.forEach((line, i) => this.text(line, LEFT, { ...style, y: top - i * 12 }));
    if (cells.base) this.text(cells.base, COL_BASE_RIGHT, { ...style, align: 'right' });
    if (cells.rate) this.text(cells.rate, COL_RATE_RIGHT, { ...style, align: 'right' });
    this.text(cells.amount, COL_AMOUNT_RIGHT, { ...style, align: 'right' });
    this.down(lines.length * 12);
  }

  tableHeader() {
    this.ensure(16);
    const style = { size: 8, color: GREY };
    this.text('Omschrijving', LEFT, style);
    this.text('Grondslag', COL_BASE_RIGHT, { ...style, align: 'right' });
    this.text('Tarief', COL_RATE_RIGHT, { ...style, align: 'right' });
    this.text('Bedrag', COL_AMOUNT_RIGHT, { ...style, align: 'right' });
    this.down(12);
  }

  /** Label and value pairs, in one or two columns; with `valueRight` the values are right-aligned. */
  pairs(items: [string, string][], { labelWidth = 130, valueRight = false, columns = 2 } = {}) {
    const gap = 20;
    const columnWidth = (RIGHT - LEFT - gap * (columns - 1)) / columns;
    for (let i = 0; i < items.length; i += columns) {
      this.ensure(12);
      items.slice(i, i + columns).forEach(([label, value], column) => {
        const x = LEFT + column * (columnWidth + gap);
        const labelRoom = valueRight ? columnWidth - this.width(value) - 8 : labelWidth - 6;
        this.text(this.fit(label, labelRoom), x, { color: GREY });
        if (valueRight) this.text(value, x + columnWidth, { align: 'right' });
        else this.text(this.fit(value, columnWidth - labelWidth), x + labelWidth);
      });
      this.down(12);
    }
  }
}

/** The payslip as a PDF (A4, Helvetica, Dutch). */
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
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
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

  // Employer and employee side by side.
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
  // The names in bold and whole (wrapped, never cut); the details below them.
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
      ['Uurloon', formatEuro(payslip.inputs.caoWage.hourly)],
      ['Uren (verloond)', `${formatDecimalNl(calc.paidHours)} uur`],
      ['Wettelijk minimumloon', `${formatEuro(payslip.inputs.caoWage.minimumWageHourly)} per uur`],
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
    amount: formatEuro(sign === 1 ? l.amount : negate(l.amount)),
  });

  w.heading('Loon en inhoudingen');
  w.tableHeader();
  for (const l of earnings) w.tableRow(row(l));
  w.down(4);
  w.text('Inhoudingen', LEFT, { bold: true });
  w.down(12);
  for (const l of deductions) w.tableRow(row(l, -1));
  w.down(2);
  w.rule();
  w.down(4);
  w.tableRow({ description: 'Netto', amount: formatEuro(calc.netPay) }, { bold: true, size: 11 });
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
      ['Loon voor de loonbelasting', formatEuro(calc.taxableWage.total)],
      ['Loonheffing ingehouden', formatEuro(calc.wageTax.total)],
      ...(calc.wageTax.specialRatePercent !== null
        ? ([['Tarief bijzondere beloningen', formatPercent(calc.wageTax.specialRatePercent)]] as [string, string][])
        : []),
    ],
    { labelWidth: 150 },
  );

  // Employer costs, as information.
  w.heading('Werkgeverslasten (ter informatie, niet ingehouden op uw loon)');
  w.tableHeader();
  for (const l of employerCosts) w.tableRow(row(l));
  w.down(2);
  w.rule();
  w.down(4);
  w.tableRow({ description: 'Totaal werkgeverslasten', amount: formatEuro(calc.employerCostsTotal) }, { bold: true });

  // Other information.
  w.heading('Overige informatie');
  for (const l of information) w.tableRow(row(l));
  w.tableRow({
    description: 'Opgebouwde vakantiebijslag, nog niet uitbetaald',
    amount: formatEuro(calc.holidayAllowance.accrualAfter.reserved),
  });

  // Year to date.
  w.heading(`Cumulatieven ${calc.period.year} (t/m ${period})`);
  const ytd = ([key, label]: [keyof YearToDate, string]): [string, string] => [
    label,
    formatEuro(calc.yearToDateAfter[key]),
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
  w.pages.forEach((page, i) => {
    const size = 7;
    const draw = (text: string, x: number, align: 'left' | 'right') => {
      const value = w.printable(text);
      const width = align === 'right' ? w.font({}).widthOfTextAtSize(value, size) : 0;
      page.drawText(value, { x: x - width, y: 35, size, font: w.font({}), color: GREY });
    };
    draw(w.fit(reference, RIGHT - LEFT - 80, { size }), LEFT, 'left');
    draw(`Pagina ${i + 1} van ${w.pages.length}`, RIGHT, 'right');
  });

  return doc.save({ useObjectStreams: false });
}
