import { copyText } from '../payslip-rows';

/** COPY's text format read back as PostgreSQL reads it: `\N` is NULL, a backslash escapes the next character. */
function readCopyText(field: string): string | null {
  if (field === '\\N') return null;
  const named: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\' };
  return field.replace(/\\(.)/g, (_, c: string) => named[c] ?? c);
}

describe('a payslip value in COPY text format', () => {
  it('keeps a field on its line whatever a name or reason holds, and reads back unchanged', () => {
    const awkward = ['plain', 'tab\there', 'new\nline', 'cr\rhere', 'back\\slash', '\\N', 'trailing\\', '€ − ë'];
    for (const text of awkward) {
      const field = copyText(text);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(readCopyText(field)).toBe(text);
    }
  });

  it('writes JSON whose strings hold quotes, backslashes and line breaks so PostgreSQL reads the same JSON', () => {
    const value = { reason: 'said "no"\nthen \\ left\tearly', amount: '12.34', nested: [{ name: 'Ö\\' }] };
    const field = copyText(value);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(JSON.parse(readCopyText(field)!)).toEqual(value);
  });

  it('writes NULL and booleans as PostgreSQL reads them', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
  });
});
