import Decimal from 'decimal.js';
import { addYears, parseCalendarDate, todayInNetherlands } from '../pure/calendar-date';
import { BadUserInputError } from '../errors';
import {
  characterCount,
  checkBirthDate,
  checkDate,
  checkDecimal,
  checkEmail,
  checkEndDate,
  checkHoursPerWeek,
  checkInteger,
  checkKvkNumber,
  checkMoney,
  checkOptionalEmail,
  checkOptionalText,
  checkPercent,
  checkText,
  DATE_WINDOWS,
  forbiddenCharacterIn,
  quoted,
} from '../input-checks';

const d = (s: string) => parseCalendarDate(s)!;

/** The field and message a check refuses with, or null when it accepts. */
function refusal(check: () => unknown): { field: string; message: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof BadUserInputError) return { field: error.field, message: error.message };
    throw error;
  }
}

describe('characters', () => {
  test.each([
    ['NUL', '\u0000', 'control'],
    ['BEL', 'a\u0007b', 'control'],
    ['escape', '\u001b[31m', 'control'],
    ['DEL', 'a\u007f', 'control'],
    ['a C1 control (NEL)', 'a\u0085b', 'control'],
    ['a C1 control (CSI)', '\u009b', 'control'],
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'bidi'],
    ['a left-to-right embedding', '\u202Aabc', 'bidi'],
    ['a first-strong isolate', 'abc\u2068', 'bidi'],
    ['a pop-directional isolate', '\u2069', 'bidi'],
    ['a lone high surrogate', 'a\uD800b', 'broken'],
    ['a lone low surrogate', '\uDC00', 'broken'],
  ])('%s is refused everywhere', (_name, text, kind) => {
    expect(forbiddenCharacterIn(text, { lineBreaks: true })?.kind).toBe(kind);
    expect(forbiddenCharacterIn(text, { lineBreaks: false })?.kind).toBe(kind);
  });

  test.each(['\n', '\r', '\t', '\u2028', '\u2029'])('line break %j only where line breaks are allowed', (c) => {
    expect(forbiddenCharacterIn(`a${c}b`, { lineBreaks: true })).toBeNull();
    expect(forbiddenCharacterIn(`a${c}b`, { lineBreaks: false })?.kind).toBe('line break');
  });

  test('letters of every script, emoji, marks and ordinary punctuation are fine', () => {
    const text = 'Ōmer Çelik-Ünal, Łódź; Ελένη; Дмитрий; 王芳; محمد; שרה; 👩🏽‍🔧; ‘quoted’ “quoted” — 12½ €';
    expect(forbiddenCharacterIn(text, { lineBreaks: false })).toBeNull();
  });

  test('the position and code point of the first forbidden character are reported', () => {
    expect(forbiddenCharacterIn('ab\u0000c\u0001', { lineBreaks: false })).toEqual({
      kind: 'control',
      code: 'U+0000',
      position: 3,
    });
  });

  test('characters are counted as code points', () => {
    expect(characterCount('👩🏽')).toBe(2);
    expect('👩🏽'.length).toBe(4);
  });

  test('a quoted value is short and shows control characters as code points', () => {
    expect(quoted('12\u0000')).toBe('"12<U+0000>"');
    expect(quoted('x'.repeat(10_000))).toBe(`"${'x'.repeat(40)}…"`);
  });
});

describe('checkText', () => {
  test('trims, normalises to NFC and returns the text', () => {
    expect(checkText('  Jose\u0301 ', 'input.name', 'The name')).toBe('José');
  });

  test('refuses empty text and text of spaces', () => {
    expect(refusal(() => checkText('   ', 'input.name', 'The name'))).toEqual({
      field: 'input.name',
      message: 'The name cannot be empty.',
    });
  });

  test('the default maximum is 200 characters, counted as characters, not UTF-16 units', () => {
    expect(checkText('é'.repeat(200), 'f', 'F')).toHaveLength(200);
    expect(checkText('👍'.repeat(200), 'f', 'F')).toHaveLength(400);
    expect(refusal(() => checkText('x'.repeat(201), 'f', 'F'))?.message).toBe('F is longer than 200 characters.');
  });

  test('a number is the maximum length; so is maxLength', () => {
    expect(refusal(() => checkText('12345678901234567890a', 'input.houseNumber', 'The house number', 20))).toEqual({
      field: 'input.houseNumber',
      message: 'The house number is longer than 20 characters.',
    });
    expect(refusal(() => checkText('x'.repeat(51), 'f', 'F', { maxLength: 50 }))).not.toBeNull();
  });

  test.each([
    ['a NUL', 'Jan\u0000', /control character \(U\+0000\)/],
    ['a bidirectional override', 'Jan\u202E', /bidirectional control character \(U\+202E\)/],
    ['a line break', 'Jan\nJansen', /must be on one line/],
    ['a carriage return', 'Jan\rJansen', /must be on one line/],
    ['a tab', 'Jan\tJansen', /must be on one line \(it contains a tab\)/],
    ['a line separator', 'Jan\u2028Jansen', /must be on one line/],
  ])('one-line text refuses %s', (_what, text, message) => {
    const refused = refusal(() => checkText(text, 'input.name', 'The name'));
    expect(refused?.field).toBe('input.name');
    expect(refused?.message).toMatch(message);
  });

  test('one-line text may end in a line break a form added: trimming takes it away', () => {
    expect(checkText('Jan Jansen\r\n', 'f', 'F')).toBe('Jan Jansen');
  });

  test('multi-line text keeps line breaks and tabs, as LF, but refuses controls', () => {
    expect(checkText(' a\r\nb\rc\u2028d\n\te ', 'input.note', 'The note', { multiline: true })).toBe('a\nb\nc\nd\n\te');
    expect(refusal(() => checkText('a\n\u0000', 'input.note', 'The note', { multiline: true }))?.message).toMatch(
      /control character/,
    );
    expect(refusal(() => checkText('a\u2066b', 'input.note', 'The note', { multiline: true }))?.message).toMatch(
      /bidirectional/,
    );
  });

  test('multi-line text is 2,000 characters at most by default', () => {
    expect(checkText('x'.repeat(2000), 'f', 'F', { multiline: true })).toHaveLength(2000);
    expect(refusal(() => checkText('x'.repeat(2001), 'f', 'F', { multiline: true }))).not.toBeNull();
  });

  test('optional text: null, undefined and blank are null; control characters alone are refused', () => {
    expect(checkOptionalText(null, 'f', 'F')).toBeNull();
    expect(checkOptionalText(undefined, 'f', 'F')).toBeNull();
    expect(checkOptionalText(' \n ', 'f', 'F')).toBeNull();
    expect(checkOptionalText(' Zwolle ', 'f', 'F', 100)).toBe('Zwolle');
    expect(refusal(() => checkOptionalText('\u0000', 'f', 'F'))).not.toBeNull();
    expect(refusal(() => checkOptionalText('x'.repeat(101), 'f', 'F', 100))).not.toBeNull();
  });
});

describe('checkEmail', () => {
  test.each([
    ['sem@example.org', 'sem@example.org'],
    ['  Sem.de.Vries@Example.ORG ', 'sem.de.vries@example.org'],
    ['a+tag@sub.example.nl', 'a+tag@sub.example.nl'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['jörg@müller.de', 'jörg@müller.de'],
    ['info@xn--mller-kva.de', 'info@xn--mller-kva.de'],
  ])('%j is an address: %j', (input, stored) => {
    expect(checkEmail(input, 'input.email')).toBe(stored);
  });

  test.each([
    'not-an-email',
    'sem@',
    '@example.org',
    'sem@example',
    'sem@@example.org',
    'sem de vries@example.org',
    'sem@example..org',
    '.sem@example.org',
    'sem.@example.org',
    'sem@-example.org',
    'sem@example.org.',
    'sem@[127.0.0.1]',
    '"sem"@example.org',
    'sem@example.1',
    'sem\u0000@example.org',
    'sem\u202E@example.org',
    'sem@example.org\nBcc: x@example.org',
  ])('%j is refused on the field', (input) => {
    expect(refusal(() => checkEmail(input, 'input.email'))?.field).toBe('input.email');
  });

  test('at most 254 characters, 64 before the @', () => {
    const local64 = 'a'.repeat(64);
    expect(checkEmail(`${local64}@example.org`, 'f')).toHaveLength(76);
    expect(refusal(() => checkEmail(`${local64}a@example.org`, 'f'))?.message).toMatch(/too long/);
    const domain = `${Array.from({ length: 4 }, () => 'd'.repeat(62)).join('.')}.nl`; // 254 characters
    expect(refusal(() => checkEmail(`sem@${domain}`, 'f'))?.message).toMatch(/at most 254 characters/);
    expect(refusal(() => checkEmail('x'.repeat(10_000), 'f'))?.message).toMatch(/too long/);
  });

  test('the message never repeats an absurd value', () => {
    const message = refusal(() => checkEmail(`${'x'.repeat(100)}`, 'f'))!.message;
    expect(message.length).toBeLessThan(120);
  });

  test('an optional address: null, undefined and blank are null', () => {
    expect(checkOptionalEmail(null, 'f')).toBeNull();
    expect(checkOptionalEmail(undefined, 'f')).toBeNull();
    expect(checkOptionalEmail('  ', 'f')).toBeNull();
    expect(checkOptionalEmail('A@B.NL', 'f')).toBe('a@b.nl');
    expect(refusal(() => checkOptionalEmail('not-an-email', 'f'))).not.toBeNull();
  });
});

describe('identifiers', () => {
  test('a refused KvK number is quoted short', () => {
    expect(refusal(() => checkKvkNumber('1'.repeat(5000), 'input.kvkNumber'))!.message.length).toBeLessThan(120);
  });
});

describe('dates', () => {
  test('a date must lie within its window', () => {
    expect(checkDate(d('1985-01-01'), 'input.openedOn', 'The opening day')).toEqual(d('1985-01-01'));
    expect(refusal(() => checkDate(d('1800-01-01'), 'input.openedOn', 'The opening day'))).toEqual({
      field: 'input.openedOn',
      message: 'The opening day (1800-01-01) must lie from 1900-01-01 to 2100-12-31.',
    });
    expect(refusal(() => checkDate(d('2101-01-01'), 'f', 'F'))).not.toBeNull();
    expect(refusal(() => checkDate(d('1989-12-31'), 'f', 'F', DATE_WINDOWS.effective))).not.toBeNull();
    expect(checkDate(d('1990-01-01'), 'f', 'F', DATE_WINDOWS.effective)).toEqual(d('1990-01-01'));
    expect(refusal(() => checkDate(d('1959-12-31'), 'f', 'F', DATE_WINDOWS.work))).not.toBeNull();
  });

  test('an end date: none, or within the window and not before the start', () => {
    expect(checkEndDate(null, d('2026-01-01'), 'input.endDate')).toBeNull();
    expect(checkEndDate(undefined, d('2026-01-01'), 'input.endDate')).toBeNull();
    expect(checkEndDate(d('2026-01-01'), d('2026-01-01'), 'input.endDate')).toEqual(d('2026-01-01'));
    expect(refusal(() => checkEndDate(d('2025-12-31'), d('2026-01-01'), 'input.endDate'))).toEqual({
      field: 'input.endDate',
      message: 'The end date lies before the start date.',
    });
    expect(refusal(() => checkEndDate(d('2200-01-01'), d('2026-01-01'), 'input.endDate'))?.field).toBe('input.endDate');
  });

  test('a birth date makes the person 13 to 100 on the day concerned', () => {
    const on = d('2026-03-01');
    expect(checkBirthDate(d('2013-03-01'), 'input.birthDate', { on })).toEqual(d('2013-03-01'));
    expect(refusal(() => checkBirthDate(d('2013-03-02'), 'input.birthDate', { on }))?.message).toMatch(
      /makes the person 12 on 2026-03-01; it must make them 13 to 100/,
    );
    expect(checkBirthDate(d('1925-03-02'), 'input.birthDate', { on })).toEqual(d('1925-03-02'));
    expect(refusal(() => checkBirthDate(d('1925-03-01'), 'input.birthDate', { on }))?.message).toMatch(
      /makes the person 101/,
    );
    expect(refusal(() => checkBirthDate(d('1800-01-01'), 'input.birthDate', { on }))?.field).toBe('input.birthDate');
  });

  test('by default on today; never in the future; other ages where a rule needs them', () => {
    const today = todayInNetherlands();
    expect(refusal(() => checkBirthDate(addYears(today, -12), 'b'))).not.toBeNull();
    expect(checkBirthDate(addYears(today, -13), 'b')).toEqual(addYears(today, -13));
    expect(refusal(() => checkBirthDate(addYears(today, 1), 'b', { on: addYears(today, 20) }))?.message).toBe(
      'The birth date lies in the future.',
    );
    expect(refusal(() => checkBirthDate(addYears(today, -16), 'b', { minAge: 18 }))).not.toBeNull();
  });

  test('a birthday on 29 February counts on 28 February in other years', () => {
    expect(checkBirthDate(d('2012-02-29'), 'b', { on: d('2025-02-28') })).toEqual(d('2012-02-29'));
    expect(refusal(() => checkBirthDate(d('2012-02-29'), 'b', { on: d('2025-02-27') }))).not.toBeNull();
  });
});

describe('numbers', () => {
  const n = (s: string) => new Decimal(s);

  test('a decimal within its range, with at most so many decimals', () => {
    expect(checkDecimal(n('52.4'), 'f', 'Weeks', { min: 52, max: 53, places: 4 }).toString()).toBe('52.4');
    expect(refusal(() => checkDecimal(n('51.99'), 'f', 'Weeks', { min: 52, max: 53 }))?.message).toBe(
      'Weeks must be from 52 to 53, with at most two decimals.',
    );
    expect(refusal(() => checkDecimal(n('52.123'), 'f', 'Weeks', { min: 52, max: 53 }))).not.toBeNull();
    expect(
      refusal(() => checkDecimal(n('-100'), 'f', 'P', { min: -100, minExclusive: true, max: 100 })),
    ).not.toBeNull();
    expect(refusal(() => checkDecimal(n('1e10000'), 'f', 'P', { min: 0, max: 100 }))).not.toBeNull();
  });

  test('hours per week: more than 0, at most 60, two decimals', () => {
    expect(checkHoursPerWeek(n('0.01'), 'h').toString()).toBe('0.01');
    expect(checkHoursPerWeek(n('60'), 'h').toString()).toBe('60');
    for (const bad of ['0', '-1', '60.01', '24.125'])
      expect(refusal(() => checkHoursPerWeek(n(bad), 'input.hoursPerWeek'))?.field).toBe('input.hoursPerWeek');
  });

  test('percentages: 0 to 100 (or a lower maximum), two decimals', () => {
    expect(checkPercent(n('0'), 'p', 'P').toString()).toBe('0');
    expect(checkPercent(n('100'), 'p', 'P').toString()).toBe('100');
    expect(refusal(() => checkPercent(n('100.01'), 'p', 'P'))?.message).toMatch(/percentage from 0 to 100/);
    expect(refusal(() => checkPercent(n('-0.01'), 'p', 'P'))).not.toBeNull();
    expect(refusal(() => checkPercent(n('12.345'), 'p', 'P'))).not.toBeNull();
    expect(refusal(() => checkPercent(n('11'), 'p', 'The Whk rate', 10))?.message).toMatch(/from 0 to 10 /);
  });

  test('money: not negative (or more than 0), in cents, at most a maximum', () => {
    expect(checkMoney(n('0'), 'a', 'A', { max: 1000 }).toString()).toBe('0');
    expect(refusal(() => checkMoney(n('0'), 'a', 'A', { max: 1000, positive: true }))).not.toBeNull();
    expect(refusal(() => checkMoney(n('-0.01'), 'a', 'A', { max: 1000 }))).not.toBeNull();
    expect(refusal(() => checkMoney(n('1.001'), 'a', 'A', { max: 1000 }))).not.toBeNull();
    expect(refusal(() => checkMoney(n('1000.01'), 'a', 'A', { max: 1000 }))).not.toBeNull();
  });

  test('whole numbers within a range', () => {
    expect(checkInteger(12, 'm', 'A month', 1, 12)).toBe(12);
    for (const bad of [0, 13, 1.5, Number.NaN])
      expect(refusal(() => checkInteger(bad, 'm', 'A month', 1, 12))?.message).toBe(
        'A month must be a whole number from 1 to 12.',
      );
  });
});
