import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The layout engine of the payslip: A4, one column of blocks, a new page when the next block does
 * not fit. It knows text, widths, tables and label/value pairs; nothing of payroll.
 */

const A4: [number, number] = [595.28, 841.89];
export const LEFT = 50;
export const RIGHT = A4[0] - 50;
const TOP = A4[1] - 50;
const BOTTOM = 70;
export const GREY = rgb(0.4, 0.4, 0.4);
const LIGHT = rgb(0.75, 0.75, 0.75);
export const DRAFT = rgb(0.75, 0.1, 0.1);

/** Table columns of the lines: description, base, rate, amount (right edges of the numbers). */
const COL_DESCRIPTION_WIDTH = 285;
const COL_BASE_RIGHT = 410;
const COL_RATE_RIGHT = 478;
const COL_AMOUNT_RIGHT = RIGHT;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: ReturnType<typeof rgb>;
}

export class Writer {
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
   * Text the font can draw. The embedded Noto Sans (./fonts.ts) has every Latin letter, so names
   * print as written; a letter it lacks (a Chinese character, say) keeps its base letter if the
   * font has that (an accent it lacks is dropped: `ł` → `l`), anything else becomes `?`, so that an
   * unusual name never stops a payslip.
   */
  printable(text: string): string {
    return Array.from(text.normalize('NFC').replace(/[\r\n\t]+/g, ' '))
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

  /** The pay table's column heads, in the document's words. */
  tableHeader(heads: { description: string; base: string; rate: string; amount: string }) {
    this.ensure(16);
    const style = { size: 8, color: GREY };
    this.text(heads.description, LEFT, style);
    this.text(heads.base, COL_BASE_RIGHT, { ...style, align: 'right' });
    this.text(heads.rate, COL_RATE_RIGHT, { ...style, align: 'right' });
    this.text(heads.amount, COL_AMOUNT_RIGHT, { ...style, align: 'right' });
    this.down(12);
  }

  /**
   * Label and value pairs, in one or two columns; with `valueRight` the values are right-aligned.
   * A label or value too long for its room wraps onto the next line, so nothing is cut.
   */
  pairs(items: [string, string][], { labelWidth = 130, valueRight = false, columns = 2 } = {}) {
    const gap = 20;
    const columnWidth = (RIGHT - LEFT - gap * (columns - 1)) / columns;
    for (let i = 0; i < items.length; i += columns) {
      const cells = items.slice(i, i + columns).map(([label, value], column) => {
        const x = LEFT + column * (columnWidth + gap);
        const labelRoom = valueRight ? columnWidth - this.width(value) - 8 : labelWidth - 6;
        return {
          x,
          labels: this.wrap(label, labelRoom),
          values: valueRight ? [value] : this.wrap(value, columnWidth - labelWidth),
        };
      });
      const lines = Math.max(...cells.map((cell) => Math.max(cell.labels.length, cell.values.length)));
      this.ensure(lines * 12);
      const top = this.y;
      for (const { x, labels, values } of cells) {
        labels.forEach((label, line) => this.text(label, x, { color: GREY, y: top - line * 12 }));
        values.forEach((value, line) =>
          valueRight
            ? this.text(value, x + columnWidth, { align: 'right', y: top - line * 12 })
            : this.text(value, x + labelWidth, { y: top - line * 12 }),
        );
      }
      this.down(lines * 12);
    }
  }

  /** A footer on every page, once all are written: `left` (cut to fit) and `right(page, pages)`. */
  footer(left: string, right: (page: number, pages: number) => string) {
    const size = 7;
    const font = this.font({});
    this.pages.forEach((page, i) => {
      const draw = (text: string, x: number, align: 'left' | 'right') => {
        const value = this.printable(text);
        const width = align === 'right' ? font.widthOfTextAtSize(value, size) : 0;
        page.drawText(value, { x: x - width, y: 35, size, font, color: GREY });
      };
      draw(this.fit(left, RIGHT - LEFT - 80, { size }), LEFT, 'left');
      draw(right(i + 1, this.pages.length), RIGHT, 'right');
    });
  }
}
