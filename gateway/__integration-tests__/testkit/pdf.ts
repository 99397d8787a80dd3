import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80–0x9F that differ from Latin-1 (the ones a payslip may use). */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x85: '…', 0x96: '–' };

/**
 * The text of a pdf-lib PDF without a PDF library: its Flate streams inflated with node's zlib,
 * the hex strings of the `Tj` operators (how pdf-lib writes standard-font text) decoded.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of raw.matchAll(/\/Length (\d+)[^]*?>>\s*stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const body = pdf.subarray(start, start + Number(match[1]));
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      continue;
    }
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      runs.push(Array.from(Buffer.from(hex!, 'hex'), (b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return runs.join('\n').replace(/\s+/g, ' ');
}

/** `"2183.69"` → `"€ 2.183,69"`, from the string. */
export const euro = (amount: string) => {
  const [whole, cents] = amount.split('.');
  return `€ ${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
};

/**
 * A name as the payslip's standard font prints it (documented in hr-payroll's payslip/layout.ts):
 * letters outside Latin-1 lose their accents (`ş` → `s`, `ł` → `l`). Embedding a font with every
 * letter is an open item; until then the test asserts what the PDF really says.
 */
export const asPrinted = (text: string) =>
  Array.from(text)
    .map((ch) =>
      ch.codePointAt(0)! <= 0xff
        ? ch
        : ch
            .normalize('NFD')
            .replace(/\p{M}/gu, '')
            .replace(
              /[łŁđĐøØıħ]/g,
              (c) => ({ ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ı: 'i', ħ: 'h' })[c] ?? c,
            ),
    )
    .join('');
