import { inflateSync } from 'node:zlib';

/**
 * The text of a payslip PDF, for tests, read without a PDF library (the unit test here and the
 * gateway's test kit both use it): one line per text run (`Tj`), in the order drawn.
 *
 * It reads what pdf-lib writes for the payslip (saved without object streams, `pdf.ts`): numbered
 * objects, Flate streams; text as hex strings, in an embedded font as 2-byte glyph codes that the
 * font's ToUnicode map turns back into characters (in a standard font, as WinAnsi bytes). The
 * font of each run is the one its `Tf` selected, through the page's font resources.
 */
export function pdfText(pdf: Uint8Array): string {
  const objects = pdfObjects(Buffer.from(pdf));
  const runs: string[] = [];
  for (const page of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(page.dictionary)) continue;
    const fonts = fontResources(page.dictionary, objects);
    let font: Decoder = winAnsi;
    for (const ref of references(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dictionary)?.[1] ?? '')) {
      const content = objects.get(ref)?.stream ?? '';
      for (const [, name, hex] of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (name !== undefined) font = fonts.get(name) ?? winAnsi;
        else runs.push(font(hex!));
      }
    }
  }
  return runs.join('\n');
}

interface PdfObject {
  dictionary: string;
  /** The stream's data, inflated when it is Flate-compressed, as Latin-1 text. */
  stream?: string;
}

/** Every object of a PDF saved without object streams, by number. */
function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(raw); match; match = header.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { dictionary: raw.slice(start, end) });
      continue;
    }
    // A stream: its data is `Length` bytes after the keyword and its line break, and may hold any byte.
    const dictionary = raw.slice(start, streamAt);
    const dataAt = streamAt + /^stream\r?\n/.exec(raw.slice(streamAt, streamAt + 8))![0].length;
    const data = pdf.subarray(dataAt, dataAt + Number(/\/Length (\d+)/.exec(dictionary)![1]));
    const stream = (/\/FlateDecode/.test(dictionary) ? inflateSync(data) : data).toString('latin1');
    objects.set(Number(match[1]), { dictionary, stream });
    header.lastIndex = dataAt + data.length;
  }
  return objects;
}

/** The object numbers of `12 0 R` references in some text. */
const references = (text: string) => Array.from(text.matchAll(/(\d+) 0 R/g), (m) => Number(m[1]));

/** Hex codes of a `Tj` → text. */
type Decoder = (hex: string) => string;

/** WinAnsi bytes 0x80–0x9F that differ from Latin-1 (the ones a payslip may use). */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
};
const winAnsi: Decoder = (hex) =>
  Array.from(Buffer.from(hex, 'hex'), (b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');

/** A page's fonts by resource name (`/F1 9 Tf`), each as its decoder. */
function fontResources(page: string, objects: Map<number, PdfObject>): Map<string, Decoder> {
  const resources = /\/Resources\s*(\d+) 0 R/.exec(page);
  const text = resources ? (objects.get(Number(resources[1]))?.dictionary ?? '') : page;
  const fonts = new Map<string, Decoder>();
  for (const [, name, ref] of (/\/Font\s*<<([^>]*)>>/.exec(text)?.[1] ?? '').matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(ref))?.dictionary ?? '');
    fonts.set(name!, toUnicode ? cidDecoder(objects.get(Number(toUnicode[1]))?.stream ?? '') : winAnsi);
  }
  return fonts;
}

/** A decoder of 2-byte codes by a ToUnicode CMap (its `bfchar` pairs; `bfrange`s as pdf-lib writes them). */
function cidDecoder(cmap: string): Decoder {
  const unicode = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const [, block] of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, code, text] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      unicode.set(parseInt(code!, 16), utf16(text!));
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, from, to, text] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(text!, 16);
      for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++) {
        unicode.set(code, String.fromCharCode(first + code - parseInt(from!, 16)));
      }
    }
  }
  return (hex) =>
    Array.from(
      { length: hex.length / 4 },
      (_, i) => unicode.get(parseInt(hex.slice(i * 4, i * 4 + 4), 16)) ?? '\uFFFD',
    ).join('');
}
