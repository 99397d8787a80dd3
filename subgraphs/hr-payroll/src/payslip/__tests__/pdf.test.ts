import { readFileSync } from 'node:fs';
import * as fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { calculatePayroll } from '../../domain/payroll/calculate';
import { date, payrollInput } from '../../domain/payroll/__tests__/fixtures';
import { dateNl, formatDecimalNl, formatEuroNl, negate, periodNl } from '../dutch';
import { FONT_FILES } from '../fonts';
import { renderPayslipPdf, type PayslipPdfData } from '../pdf';
import { pdfText } from './pdf-text';

/** A glyph as drawn: its advance and outline. */
const outline = (glyph: fontkit.Glyph) => `${glyph.advanceWidth} ${glyph.path.toSVG()}`;

const flat = (text: string) => text.replace(/\s+/g, ' ');

function payslip(overrides: Partial<PayslipPdfData> = {}, input = payrollInput()): PayslipPdfData {
  return {
    id: '7d4f1a52-3c51-4c1e-9a0e-2f7b1b6f0c11',
    status: 'PAID',
    employer: { name: 'Kringloop De Ommekeer', city: 'Zwolle', kvkNumber: '40987650' },
    employee: { name: 'Anouk de Vries', bsn: '123456782', iban: 'NL91ABNA0417164300' },
    employment: { functionTitle: 'Winkelmedewerker', caoScale: 5, caoStep: 3, startDate: date('2024-01-01') },
    inputs: input,
    calculation: calculatePayroll(input),
    paidAt: date('2026-03-25'),
    generatedAt: date('2026-03-26'),
    ...overrides,
  };
}

describe('Dutch formatting, exact from decimal strings', () => {
  test.each([
    ['1234.56', '€ 1.234,56'],
    ['2461.52', '€ 2.461,52'],
    ['0.00', '€ 0,00'],
    ['-12.3', '€ -12,30'],
    ['1234567.89', '€ 1.234.567,89'],
    ['12345678901234567890.01', '€ 12.345.678.901.234.567.890,01'],
    ['-0.00', '€ 0,00'],
  ])('%s → %s', (amount, expected) => expect(formatEuroNl(amount)).toBe(expected));

  test('no numbers and no malformed strings', () => {
    expect(() => formatEuroNl(12.5 as unknown as string)).toThrow(/decimal string/);
    expect(() => formatEuroNl('1,234.56')).toThrow(/Not a decimal/);
    expect(() => formatEuroNl('1e3')).toThrow(/Not a decimal/);
  });

  test('signs, percentages and dates', () => {
    expect(negate('160.00')).toBe('-160.00');
    expect(negate('-160.00')).toBe('160.00');
    expect(negate('0.00')).toBe('0.00');
    expect(formatDecimalNl('6.5')).toBe('6,5');
    expect(periodNl(2026, 1)).toBe('januari 2026');
    expect(dateNl('2026-03-31')).toBe('31-03-2026');
    expect(dateNl(date('2024-01-01'))).toBe('01-01-2024');
  });
});

describe('the payslip PDF', () => {
  test('is a PDF: one A4 page, in Dutch, titled with the period', async () => {
    const bytes = await renderPayslipPdf(payslip());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('Loonstrook maart 2026');
    expect(doc.getAuthor()).toBe('Kringloop De Ommekeer');
  });

  test('shows what the law asks, with the amounts of the calculation', async () => {
    const data = payslip();
    const calc = data.calculation;
    const text = flat(pdfText(await renderPayslipPdf(data)));
    for (const label of [
      'Loonstrook',
      'maart 2026',
      'Werkgever',
      'Kringloop De Ommekeer',
      'KvK-nummer 40987650',
      'Werknemer',
      'Anouk de Vries',
      'Periode',
      'maart 2026 (01-03-2026 t/m 31-03-2026), loontijdvak maand',
      'Uren (verloond)',
      'Uurloon',
      '€ 14,83',
      'Wettelijk minimumloon',
      '€ 14,71 per uur',
      'Bruto loon',
      'Inhoudingen',
      'Loonheffing (witte tabel, maand, met loonheffingskorting)',
      'Pensioenpremie werknemer',
      'Netto',
      'Loonheffingskorting toegepast',
      'Werkgeverslasten',
      'Totaal werkgeverslasten',
      'Werkgeversheffing Zvw',
      'CAO Kringloop Nederland 2024',
      'Cumulatieven 2026',
      'Pagina 1 van 1',
    ]) {
      expect(text).toContain(label);
    }
    // The base case: €2,461.52 gross, 6.5 % pension.
    expect(calc.grossWage).toBe('2461.52');
    expect(text).toContain('€ 2.461,52');
    expect(text).toContain(`€ -${formatDecimalNl(calc.pension.employee, 2)}`);
    expect(text).toContain(`€ -${formatDecimalNl(calc.wageTax.monthly, 2)}`);
    expect(text).toContain('6,5%');
    expect(text).toContain(formatEuroNl(calc.netPay));
    expect(text).toContain(formatEuroNl(calc.employerCostsTotal));
    expect(text).toContain(`${calc.paidHours} uur`);
    // Every line of the calculation has its amount on the payslip.
    for (const line of calc.lines) {
      const sign = line.kind === 'DEDUCTION' ? negate(line.amount) : line.amount;
      expect(text).toContain(formatEuroNl(sign));
    }
    // Year to date after this month.
    expect(text).toContain(formatEuroNl(calc.yearToDateAfter.netPay));
    expect(text).toContain(formatEuroNl(calc.yearToDateAfter.wageTax));
  });

  test('the BSN and the IBAN are masked, even when given in full', async () => {
    const text = pdfText(await renderPayslipPdf(payslip()));
    expect(text).toContain('BSN *****6782');
    expect(text).not.toContain('123456782');
    expect(text).not.toContain('12345');
    expect(text).toContain('NL91**********4300');
    expect(text).not.toContain('ABNA0417');
  });

  test('without the tax credit, and with year-to-date totals carried in', async () => {
    const input = payrollInput({
      employment: { applyTaxCredit: false },
      yearToDate: { grossWage: '4923.04', netPay: '3500.00' },
    });
    const data = payslip({}, input);
    const text = flat(pdfText(await renderPayslipPdf(data)));
    expect(text).toContain('Loonheffing (witte tabel, maand, zonder loonheffingskorting)');
    expect(data.calculation.yearToDateAfter.grossWage).toBe('7384.56');
    expect(text).toContain('€ 7.384,56');
  });

  test('a payslip of a run not yet paid says it is a draft', async () => {
    const text = flat(pdfText(await renderPayslipPdf(payslip({ status: 'APPROVED', paidAt: null }))));
    expect(text).toContain('CONCEPT');
    expect(text).toContain('nog niet betaald');
    const paid = flat(pdfText(await renderPayslipPdf(payslip())));
    expect(paid).not.toContain('CONCEPT');
  });

  test('a month with holiday allowance paid shows it and its special-payments tax', async () => {
    const input = payrollInput({
      period: { year: 2026, month: 5 },
      holidayAllowanceAccrual: { reserved: '1772.28', base: '22153.68' },
      previousYearAnnualWage: '29538.24',
    });
    const data = payslip({}, input);
    const text = flat(pdfText(await renderPayslipPdf(data)));
    expect(data.calculation.holidayAllowance.paid).not.toBe('0.00');
    expect(text).toContain('Vakantiebijslag, uitbetaald');
    expect(text).toContain('Loonheffing over vakantiebijslag (tabel bijzondere beloningen)');
    expect(text).toContain(formatEuroNl(data.calculation.holidayAllowance.paid));
    expect(text).toContain('Tarief bijzondere beloningen');
  });

  test('back pay for an earlier month is printed per month, with its pension and special-payments tax', async () => {
    const input = {
      ...payrollInput({ previousYearAnnualWage: '29538.24' }),
      backPay: [
        {
          year: 2026,
          month: 1,
          correctedPayslipId: 'slip-2026-01',
          paidCaoVersionName: 'CAO Kringloop Nederland 2024',
          paidMonthly: '2461.52',
          dueMonthly: '2535.37',
          dueCaoVersionId: 'cao-2026',
          dueCaoVersionName: 'CAO Kringloop Nederland 2026',
          daysEmployed: 31,
          daysInMonth: 31,
          alreadyCorrected: '0.00',
        },
      ],
    };
    const text = flat(pdfText(await renderPayslipPdf(payslip({}, input))));
    expect(text).toContain('Nabetaling loon 2026-01 (terugwerkende kracht)');
    expect(text).toContain(formatEuroNl('73.85'));
    expect(text).toContain('Pensioenpremie werknemer over nabetaling');
    expect(text).toContain('Loonheffing over nabetaling (tabel bijzondere beloningen)');
  });

  test('names print as written, in the embedded font; a letter it lacks does not stop the payslip', async () => {
    const names = ['Ayşe Yılmaz', 'Łukasz Wiśniewski-Şahin', 'Nguyễn Thị Ánh', 'Dvořák Ærøskøbing', 'Ğülşen Çelik'];
    for (const name of names) {
      const text = pdfText(await renderPayslipPdf(payslip({ employee: { name, bsn: '123456782' } })));
      expect(text).toContain(name);
    }
    // Written with combining accents (NFD), printed as the letters they make (NFC).
    const decomposed = 'Ayşe Đorđević'.normalize('NFD');
    expect(pdfText(await renderPayslipPdf(payslip({ employee: { name: decomposed, bsn: '123456782' } })))).toContain(
      'Ayşe Đorđević',
    );
    // Noto Sans has no Chinese: that letter becomes '?', the rest prints.
    const text = pdfText(
      await renderPayslipPdf(
        payslip({
          employee: { name: 'Łukasz Wiśniewski-Şahin 李', bsn: '123456782' },
          employer: { name: 'Stichting Één' },
        }),
      ),
    );
    expect(text).toContain('Łukasz Wiśniewski-Şahin ?');
    expect(text).toContain('Stichting Één');
  });

  test('the embedded fonts are subsets with every glyph intact, and the PDF stays small', async () => {
    const bytes = await renderPayslipPdf(payslip({ employee: { name: 'Ayşe Yılmaz', bsn: '123456782' } }));
    expect(bytes.length).toBeLessThan(40_000);
    const doc = await PDFDocument.load(bytes);
    const fontFiles = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) =>
        object instanceof PDFDict ? doc.context.lookup(object.get(PDFName.of('FontFile2'))) : undefined,
      )
      .filter((file) => file instanceof PDFRawStream);
    expect(fontFiles).toHaveLength(2); // regular and bold
    // Each glyph of a subset is drawn exactly as the font draws that letter (a subset whose glyph
    // records are misaligned draws nothing or garbage: fonts.ts, withEvenGlyphRecords).
    const drawn = new Set(
      Object.values(FONT_FILES).flatMap((file) => {
        const font = fontkit.create(readFileSync(require.resolve(file)));
        return Array.from({ length: font.numGlyphs }, (_, id) => outline(font.getGlyph(id)));
      }),
    );
    for (const file of fontFiles) {
      const subset = fontkit.create(decodePDFRawStream(file).decode());
      expect(subset.numGlyphs).toBeGreaterThan(40);
      expect(subset.numGlyphs).toBeLessThan(120);
      for (let id = 1; id < subset.numGlyphs; id++) {
        expect(drawn).toContain(outline(subset.getGlyph(id)));
      }
    }
  });

  test('what does not fit on one page goes on to the next, every page numbered', async () => {
    const data = payslip();
    const many = { ...data.calculation, lines: Array.from({ length: 6 }, () => data.calculation.lines).flat() };
    const bytes = await renderPayslipPdf({ ...data, calculation: many });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
    const text = flat(pdfText(bytes));
    expect(text).toContain('Pagina 1 van 2');
    expect(text).toContain('Pagina 2 van 2');
    expect(text).toContain('Loonstrook maart 2026 - Anouk de Vries - Kringloop De Ommekeer (vervolg)');
    expect(text).toContain('Cumulatieven 2026');
  });

  test('a long employer name is printed whole', async () => {
    const name = 'Stichting Kringloopcentrum Noord-Oost Nederland en Omstreken, afdeling Re-integratie en Werk';
    const runs = pdfText(await renderPayslipPdf(payslip({ employer: { name } }))).split('\n');
    // Wrapped over several lines, nothing left out (the employee's column is printed in between).
    const parts = runs.slice(0, 12).filter((run) => name.includes(run));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(name);
    expect(runs.join(' ')).not.toContain('…');
  });

  test('no payslip without its employer', async () => {
    await expect(renderPayslipPdf(payslip({ employer: { name: '  ' } }))).rejects.toThrow(/employer/);
  });

  test('amounts given as numbers are refused', async () => {
    const data = payslip();
    const broken = { ...data, calculation: { ...data.calculation, netPay: 1234.5 as unknown as string } };
    await expect(renderPayslipPdf(broken)).rejects.toThrow(/decimal string/);
  });
});
