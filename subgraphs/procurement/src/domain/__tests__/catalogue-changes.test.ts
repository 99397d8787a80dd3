import { checkCategoryChange, checkListPriceChange, checkPeriodChange, type PeriodFacts } from '../catalogue';

/*
 * Changing a contract in use (README rule 9): its period keeps every order placed under it and
 * is fixed once settled; its category is fixed once ordered from; a list price never falls below
 * one of the item's tiers.
 */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const none: PeriodFacts = { orders: 0, firstOrderOn: null, lastOrderOn: null, settlements: 0 };
const ordered: PeriodFacts = {
  orders: 3,
  firstOrderOn: day('2026-02-10'),
  lastOrderOn: day('2026-06-30'),
  settlements: 0,
};

describe('the period of a contract in use', () => {
  test('without orders any sane period goes; the usual checks still apply', () => {
    expect(() => checkPeriodChange(day('2027-01-01'), day('2027-12-31'), none)).not.toThrow();
    expect(() => checkPeriodChange(day('2027-01-01'), day('2026-12-31'), none)).toThrow(
      expect.objectContaining({ reason: 'INVALID_PERIOD' }),
    );
    expect(() => checkPeriodChange(day('2026-01-01'), day('2032-01-01'), none)).toThrow(
      expect.objectContaining({ reason: 'PERIOD_TOO_LONG' }),
    );
  });

  test('with orders it may grow, and shrink up to the first and last order date', () => {
    expect(() => checkPeriodChange(day('2025-12-01'), day('2027-06-30'), ordered)).not.toThrow();
    expect(() => checkPeriodChange(day('2026-02-10'), day('2026-06-30'), ordered)).not.toThrow();
    expect(() => checkPeriodChange(day('2026-02-11'), day('2026-12-31'), ordered)).toThrow(
      expect.objectContaining({ field: 'validFrom', reason: 'ORDERS_OUTSIDE_PERIOD', kind: 'CONFLICT' }),
    );
    expect(() => checkPeriodChange(day('2026-01-01'), day('2026-06-29'), ordered)).toThrow(
      expect.objectContaining({
        field: 'validUntil',
        message: expect.stringContaining('until 2026-06-30'),
      }),
    );
  });

  test('once settled it stays', () => {
    expect(() => checkPeriodChange(day('2026-01-01'), day('2027-12-31'), { ...ordered, settlements: 1 })).toThrow(
      expect.objectContaining({ reason: 'CONTRACT_SETTLED', kind: 'CONFLICT' }),
    );
  });
});

test('the category is fixed once members ordered under the contract', () => {
  expect(() => checkCategoryChange(none)).not.toThrow();
  expect(() => checkCategoryChange(ordered)).toThrow(
    expect.objectContaining({ field: 'category', reason: 'CONTRACT_ORDERED', kind: 'CONFLICT' }),
  );
});

describe('a new list price', () => {
  const tiers = [
    { fromQuantity: 500, unitPrice: '4.50' },
    { fromQuantity: 2000, unitPrice: '4.10' },
  ];
  test('in cents, not below a tier (at the tier is fine)', () => {
    expect(checkListPriceChange('5.2', tiers)).toBe('5.20');
    expect(checkListPriceChange('4.50', tiers)).toBe('4.50');
    expect(() => checkListPriceChange('4.49', tiers)).toThrow(
      expect.objectContaining({
        field: 'listPrice',
        reason: 'TIER_ABOVE_LIST',
        message: expect.stringContaining('€4.50'),
      }),
    );
    expect(() => checkListPriceChange('4.955', tiers)).toThrow(
      expect.objectContaining({ reason: 'TOO_MANY_DECIMALS' }),
    );
    expect(() => checkListPriceChange('-1', [])).toThrow(expect.objectContaining({ field: 'listPrice' }));
    expect(() => checkListPriceChange('1000000.01', [])).toThrow(
      expect.objectContaining({ reason: 'AMOUNT_TOO_LARGE' }),
    );
  });
});
