import { normaliseBsn, normaliseIban, normaliseKvkNumber, normalisePostcode } from '../pure/identifiers';

test('KvK numbers are exactly 8 digits', () => {
  expect(normaliseKvkNumber('41234567')).toBe('41234567');
  expect(normaliseKvkNumber(' 41234567 ')).toBe('41234567');
  for (const bad of ['4123456', '412345678', '4123456a', '', '41 234 567']) expect(normaliseKvkNumber(bad)).toBeNull();
});

test('postcodes are written 1234 AB, never start with 0, never SA/SD/SS', () => {
  expect(normalisePostcode('3511ab')).toBe('3511 AB');
  expect(normalisePostcode('3511 AB')).toBe('3511 AB');
  for (const bad of ['0511 AB', '351 AB', '3511 A', '3511 SS', '3511 SA', '3511 SD', 'ABCD EF', '']) {
    expect(normalisePostcode(bad)).toBeNull();
  }
});

test('BSN passes the 11-proof', () => {
  expect(normaliseBsn('111222333')).toBe('111222333');
  expect(normaliseBsn('123456782')).toBe('123456782');
  for (const bad of ['111222334', '12345678', '1234567890', '000000000', 'abcdefghi'])
    expect(normaliseBsn(bad)).toBeNull();
});

test('IBAN passes mod 97', () => {
  expect(normaliseIban('NL91 ABNA 0417 1643 00')).toBe('NL91ABNA0417164300');
  expect(normaliseIban('DE89370400440532013000')).toBe('DE89370400440532013000');
  for (const bad of ['NL91ABNA0417164301', 'NL92ABNA0417164300', 'NL91ABNA04171643', 'XX'])
    expect(normaliseIban(bad)).toBeNull();
});
