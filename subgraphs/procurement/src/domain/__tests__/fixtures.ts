import fc from 'fast-check';

/**
 * Shared test data. The worked examples' tiers: a clothes rail at €120.00 list, €110.00 from 100
 * units in the sector, €99.50 from 500 (given unsorted, as the service may read them); a contract
 * 5 % off from €10,000 at list price, 7.5 % from €25,000.
 */
export const RAIL_TIERS = [
  { fromQuantity: 500, unitPrice: '99.50' },
  { fromQuantity: 100, unitPrice: '110.00' },
];
export const CONTRACT_TIERS = [
  { fromAmount: '25000.00', discountPercent: '7.5' },
  { fromAmount: '10000.00', discountPercent: '5' },
];

/**
 * For the property tests: amounts are built as decimal strings from whole cents, so no
 * JavaScript float ever holds money, not even in a test.
 */
export const centsText = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** A price from €0.00 to €max (whole cents). */
export const price = (maxCents = 100_000) => fc.integer({ min: 0, max: maxCents }).map(centsText);

export const itemTiers = (maxCents = 100_000) =>
  fc.array(fc.record({ fromQuantity: fc.integer({ min: 0, max: 5_000 }), unitPrice: price(maxCents) }), {
    maxLength: 5,
  });

export const contractTiers = () =>
  fc.array(
    fc.record({
      fromAmount: fc.integer({ min: 0, max: 10_000_000 }).map(centsText),
      discountPercent: fc.integer({ min: 0, max: 10_000 }).map(centsText), // 0.00 – 100.00
    }),
    { maxLength: 5 },
  );

export const vatRate = () => fc.constantFrom('21', '9', '0');
