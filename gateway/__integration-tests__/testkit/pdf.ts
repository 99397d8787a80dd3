import { pdfText as runsOf } from '@samen-sterk/hr-payroll/src/payslip/__tests__/pdf-text';

/**
 * The text of a payslip PDF, its runs joined by single spaces. Read by hr-payroll's own test
 * reader (no PDF library: the fonts' ToUnicode maps turn the embedded font's glyph codes back into
 * the letters printed), the same the payslip's unit test uses.
 */
export const pdfText = (pdf: Buffer): string => runsOf(pdf).replace(/\s+/g, ' ');

/** `"2183.69"` → `"€ 2.183,69"`, from the string. */
export const euro = (amount: string) => {
  const [whole, cents] = amount.split('.');
  return `€ ${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
};
