import { readFile } from 'node:fs/promises';
import * as fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The payslip's typeface: Noto Sans, regular and bold, embedded in every PDF so that names print
 * as they are written (Ayşe, Łukasz, Nguyễn, Dvořák): the whole of Latin-1, Latin Extended-A and
 * -B and Latin Extended Additional, plus Greek and Cyrillic, and €, – and … . The standard PDF
 * fonts (Helvetica) only know WinAnsi and lost such letters.
 *
 * The TrueType files come from the npm package `@expo-google-fonts/noto-sans` (a dependency of
 * this subgraph, so `pnpm install` brings them; nothing is read from the machine's fonts). Noto
 * Sans is under the SIL Open Font License 1.1 (the package's LICENSE_FONT), which allows
 * embedding it in documents. Only the glyphs a payslip uses are embedded (pdf-lib subsets the
 * font with fontkit when the document is saved), which keeps a payslip around 30 kB.
 */
export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

/** The font files, read once per process (about 1.2 MB together) and kept. */
let files: Promise<Record<keyof typeof FONT_FILES, Uint8Array>> | undefined;

function fontFiles() {
  files ??= Promise.all([readFile(require.resolve(FONT_FILES.regular)), readFile(require.resolve(FONT_FILES.bold))])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((error: unknown) => {
      files = undefined; // a failed read is tried again by the next payslip
      throw error;
    });
  return files;
}

/**
 * fontkit for pdf-lib, keeping each font it parses: pdf-lib asks to parse the font for every
 * document, and the kept one (same bytes) has its tables read already (cmap, metrics, outlines:
 * fontkit reads them lazily and keeps them). Embedding does not change a parsed font: each
 * document makes its own subset of it.
 */
const parsed = new WeakMap<Uint8Array, fontkit.Font>();
const keepingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): fontkit.Font {
    let font = parsed.get(bytes);
    if (!font) {
      font = forPayslips(fontkit.create(bytes, postscriptName));
      parsed.set(bytes, font);
    }
    return font;
  },
};

/**
 * The font as the payslip uses it: `layout` a plain character-to-glyph lookup, and subsets whose
 * glyph records have even lengths (`withEvenGlyphRecords`).
 *
 * `layout` is a plain character-to-glyph lookup. pdf-lib measures and draws a
 * run of text as its glyphs (ids and advance widths) and does not use the positions shaping
 * computes (kerning, mark placement), so OpenType shaping would only add ligatures ("fi" as one
 * glyph, which text extraction then has to split) at about 2 ms a call. Text is NFC-normalised
 * before it gets here (layout.ts), so an accented letter is one glyph.
 */
function forPayslips(font: fontkit.Font): fontkit.Font {
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return (text: string) => ({ glyphs: glyphsOf(target, text) });
      if (property === 'createSubset') return () => withEvenGlyphRecords(target.createSubset());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The glyphs of `text`, one for each character, as what pdf-lib reads of them: the glyph id, its
 * advance width and the character it stands for (its ToUnicode entry, so the text can be
 * copied and searched). Not fontkit's own glyph objects: fontkit keeps one per glyph per font and
 * gives it the characters of its first use, and a glyph first used as a part of another (the S of
 * an Ş, when a subset is written) has none, which would leave that letter out of the ToUnicode
 * map of every later payslip of the process.
 */
function glyphsOf(font: fontkit.Font, text: string) {
  return Array.from(text, (character) => {
    const codePoint = character.codePointAt(0)!;
    const glyph = font.glyphForCodePoint(codePoint);
    return { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] };
  });
}

/** What a fontkit 1.1.1 subset keeps while it writes itself (private to fontkit). */
interface SubsetInProgress {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(glyphId: number): number;
}

/**
 * fontkit 1.1.1 (pdf-lib's fork, pinned in package.json) writes a subset's `loca` table in the
 * short format, every offset halved, whenever its glyph data stays under 64 kB, without padding the
 * glyph records to even lengths first. Noto Sans has records of odd length, so a halved offset
 * points one byte off and those glyphs are drawn broken or not at all (seen with poppler: most
 * letters of a payslip missing, while its text still extracted). Each record is padded here with
 * a zero byte to an even length, as the TrueType `glyf` table allows (bytes after a glyph's data
 * are not read). The payslip test checks every glyph of an embedded subset against the font.
 */
function withEvenGlyphRecords(subset: fontkit.Subset): fontkit.Subset {
  const writing = subset as unknown as SubsetInProgress;
  const addGlyph = writing._addGlyph;
  if (typeof addGlyph !== 'function') throw new Error('fontkit changed: its subsets have no _addGlyph any more.');
  writing._addGlyph = function (this: SubsetInProgress, glyphId: number) {
    const index = addGlyph.call(this, glyphId);
    const record = this.glyf[index]!;
    if (record.length % 2 === 1) {
      // fontkit's own Buffer (the bundle's, not node's: its stream refuses node's).
      const padded = (record.constructor as unknown as { alloc(size: number): Uint8Array }).alloc(record.length + 1);
      padded.set(record);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  return subset;
}

/** Noto Sans regular and bold, embedded in `doc` as subsets. */
export async function embedPayslipFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  const bytes = await fontFiles();
  doc.registerFontkit(keepingFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
  ]);
  return { regular, bold };
}
