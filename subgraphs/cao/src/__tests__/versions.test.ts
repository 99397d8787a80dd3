import { parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import { periodsOverlap, versionInForce } from '../domain/versions';

const d = (s: string) => parseCalendarDate(s)!;
const v2024 = { name: '2024', effectiveFrom: d('2024-01-01'), effectiveTo: d('2024-12-31') };
const v2025 = { name: '2025', effectiveFrom: d('2025-01-01'), effectiveTo: d('2025-06-30') };
const v2026 = { name: '2026', effectiveFrom: d('2026-01-01'), effectiveTo: null };

test('the version whose period holds the date applies', () => {
  expect(versionInForce([v2024, v2025], d('2024-12-31'))).toEqual({ version: v2024, afterEffect: false });
  expect(versionInForce([v2025, v2024], d('2025-01-01'))).toEqual({ version: v2025, afterEffect: false });
});

test('after its end a version keeps applying by after-effect, also in a gap before the next', () => {
  expect(versionInForce([v2024], d('2026-03-01'))).toEqual({ version: v2024, afterEffect: true });
  expect(versionInForce([v2024, v2025, v2026], d('2025-09-01'))).toEqual({ version: v2025, afterEffect: true });
  expect(versionInForce([v2024, v2025, v2026], d('2030-01-01'))).toEqual({ version: v2026, afterEffect: false });
});

test('before the first version nothing applies', () => {
  expect(versionInForce([v2024], d('2023-12-31'))).toBeNull();
});

test('periods overlap when they share a day; an open end runs for ever', () => {
  expect(periodsOverlap(v2024, v2025)).toBe(false);
  expect(periodsOverlap(v2024, { effectiveFrom: d('2024-12-31'), effectiveTo: null })).toBe(true);
  expect(periodsOverlap(v2026, { effectiveFrom: d('2031-01-01'), effectiveTo: d('2031-12-31') })).toBe(true);
  expect(periodsOverlap({ effectiveFrom: d('2020-01-01'), effectiveTo: d('2023-12-31') }, v2024)).toBe(false);
});
