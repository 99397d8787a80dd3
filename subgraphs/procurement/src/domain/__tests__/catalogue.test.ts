import { DomainError, exact } from '@samen-sterk/subgraph-runtime/pure';
import fc from 'fast-check';
import {
  checkCatalogue,
  checkContractPeriod,
  checkContractTiers,
  checkItemTiers,
  checkStatusChange,
  MAX_CONTRACT_ITEMS,
  peppolIdIn,
  vatNumberIn,
  type CatalogueItemIn,
} from '../catalogue';
import { itemTierPrice } from '../pricing';
import { centsText } from './fixtures';

/** What a refusal says: its reason and field. */
function refusal(rule: () => unknown) {
  try {
    rule();
  } catch (error) {
    if (error instanceof DomainError) return { reason: error.reason, field: error.field, kind: error.kind };
    throw error;
  }
  return null;
}

const date = (text: string) => new Date(`${text}T00:00:00Z`);
const item = (overrides: Partial<CatalogueItemIn> = {}): CatalogueItemIn => ({
  sku: 'RAIL-1',
  vatRate: '21',
  listPrice: '120.00',
  tiers: [
    { fromQuantity: 100, unitPrice: '110.00' },
    { fromQuantity: 500, unitPrice: '99.50' },
  ],
  ...overrides,
});

describe('supplier identifiers', () => {
  test('a Dutch VAT number: NL, nine digits, B, two digits; spaces, dots and case do not matter', () => {
    expect(vatNumberIn('nl 8612.34501 b01')).toBe('NL861234501B01');
    for (const bad of ['NL86123450B01', 'NL861234501X01', 'BE0861234501', 'NL861234501B1', ''])
      expect(refusal(() => vatNumberIn(bad))).toMatchObject({ reason: 'INVALID_VAT_NUMBER', field: 'vatNumber' });
  });

  test("a Peppol id is 0106:<the supplier's KvK> or 9944:<its VAT number>", () => {
    const supplier = { kvkNumber: '61234501', vatNumber: 'NL861234501B01' };
    expect(peppolIdIn('0106:61234501', supplier)).toBe('0106:61234501');
    expect(peppolIdIn('9944:nl861234501b01', supplier)).toBe('9944:NL861234501B01');
    for (const bad of ['0106:61234502', '9944:NL861234501B02', '0088:61234501', '0106:61234501:x', '61234501'])
      expect(refusal(() => peppolIdIn(bad, supplier))).toMatchObject({
        reason: 'INVALID_PEPPOL_ID',
        field: 'peppolId',
      });
  });
});

describe('the contract period', () => {
  test('ends after it starts, at most five years later (the same day five years on is allowed)', () => {
    expect(refusal(() => checkContractPeriod(date('2026-01-01'), date('2031-01-01')))).toBeNull();
    expect(refusal(() => checkContractPeriod(date('2026-01-01'), date('2026-01-02')))).toBeNull();
    expect(refusal(() => checkContractPeriod(date('2026-01-01'), date('2026-01-01')))).toMatchObject({
      reason: 'INVALID_PERIOD',
      field: 'validUntil',
    });
    expect(refusal(() => checkContractPeriod(date('2026-01-01'), date('2025-12-31')))?.reason).toBe('INVALID_PERIOD');
    expect(refusal(() => checkContractPeriod(date('2026-01-01'), date('2031-01-02')))?.reason).toBe('PERIOD_TOO_LONG');
    // 29 February + 5 years = 28 February.
    expect(refusal(() => checkContractPeriod(date('2028-02-29'), date('2033-02-28')))).toBeNull();
    expect(refusal(() => checkContractPeriod(date('2028-02-29'), date('2033-03-01')))?.reason).toBe('PERIOD_TOO_LONG');
  });
});

describe('item tiers', () => {
  const list = exact('120.00');

  test('ascending, from 1, in cents, not above list, not above a lower tier; written in cents', () => {
    expect(
      checkItemTiers(list, [
        { fromQuantity: 1, unitPrice: '120' },
        { fromQuantity: 2, unitPrice: '119.5' },
      ]),
    ).toEqual([
      { fromQuantity: 1, unitPrice: '120.00' },
      { fromQuantity: 2, unitPrice: '119.50' },
    ]);
    expect(checkItemTiers(list, [])).toEqual([]);
  });

  test.each([
    ['a tier from 0', [{ fromQuantity: 0, unitPrice: '100.00' }], 'tiers.0.fromQuantity', 'INVALID_QUANTITY'],
    ['a fractional quantity', [{ fromQuantity: 1.5, unitPrice: '100.00' }], 'tiers.0.fromQuantity', 'INVALID_QUANTITY'],
    ['a negative price', [{ fromQuantity: 10, unitPrice: '-1.00' }], 'tiers.0.unitPrice', 'NEGATIVE_AMOUNT'],
    ['three decimals', [{ fromQuantity: 10, unitPrice: '99.995' }], 'tiers.0.unitPrice', 'TOO_MANY_DECIMALS'],
    ['not a number', [{ fromQuantity: 10, unitPrice: 'ten' }], 'tiers.0.unitPrice', 'INVALID_AMOUNT'],
    ['above list price', [{ fromQuantity: 10, unitPrice: '120.01' }], 'tiers.0.unitPrice', 'TIER_ABOVE_LIST'],
    [
      'the same quantity twice',
      [
        { fromQuantity: 10, unitPrice: '110.00' },
        { fromQuantity: 10, unitPrice: '100.00' },
      ],
      'tiers.1.fromQuantity',
      'TIERS_NOT_ASCENDING',
    ],
    [
      'descending quantities',
      [
        { fromQuantity: 500, unitPrice: '99.50' },
        { fromQuantity: 100, unitPrice: '110.00' },
      ],
      'tiers.1.fromQuantity',
      'TIERS_NOT_ASCENDING',
    ],
    [
      'a higher tier dearer than a lower one',
      [
        { fromQuantity: 100, unitPrice: '99.50' },
        { fromQuantity: 500, unitPrice: '110.00' },
      ],
      'tiers.1.unitPrice',
      'TIER_ABOVE_LOWER_TIER',
    ],
  ])('refuses %s', (_label, tiers, field, reason) => {
    expect(refusal(() => checkItemTiers(list, tiers))).toEqual({ reason, field, kind: 'BAD_USER_INPUT' });
  });

  test('more than 10 tiers', () => {
    const tiers = Array.from({ length: 11 }, (_, i) => ({ fromQuantity: i + 1, unitPrice: '100.00' }));
    expect(refusal(() => checkItemTiers(list, tiers))?.reason).toBe('TOO_MANY');
  });

  test('property: tiers the check accepts never raise the price as the sector volume grows', () => {
    const tiersArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 6 })
      .chain((quantities) =>
        fc.tuple(
          fc.constant([...quantities].sort((a, b) => a - b)),
          fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: quantities.length, maxLength: quantities.length }),
        ),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        tiersArb,
        fc.integer({ min: 0, max: 12_000 }),
        (listCents, [quantities, prices], volume) => {
          const tiers = quantities.map((fromQuantity, i) => ({ fromQuantity, unitPrice: centsText(prices[i]!) }));
          const accepted = refusal(() => checkItemTiers(exact(centsText(listCents)), tiers)) === null;
          if (!accepted) return;
          const now = itemTierPrice(centsText(listCents), tiers, volume).unitPrice;
          const later = itemTierPrice(centsText(listCents), tiers, volume + 1).unitPrice;
          expect(later.lessThanOrEqualTo(now)).toBe(true);
          expect(now.lessThanOrEqualTo(centsText(listCents))).toBe(true);
        },
      ),
    );
  });
});

describe('contract tiers', () => {
  test('ascending amounts, discounts 0–100 % with two decimals and never less than a lower tier', () => {
    expect(
      checkContractTiers([
        { fromAmount: '0', discountPercent: '2' },
        { fromAmount: '10000', discountPercent: '5.5' },
      ]),
    ).toEqual([
      { fromAmount: '0.00', discountPercent: '2.00' },
      { fromAmount: '10000.00', discountPercent: '5.50' },
    ]);
    expect(refusal(() => checkContractTiers([{ fromAmount: '0', discountPercent: '100.01' }]))?.field).toBe(
      'contractTiers.0.discountPercent',
    );
    expect(refusal(() => checkContractTiers([{ fromAmount: '0', discountPercent: '2.125' }]))?.reason).toBe(
      'INVALID_PERCENT',
    );
    expect(
      refusal(() =>
        checkContractTiers([
          { fromAmount: '5000', discountPercent: '2' },
          { fromAmount: '5000.00', discountPercent: '3' },
        ]),
      ),
    ).toMatchObject({ reason: 'TIERS_NOT_ASCENDING', field: 'contractTiers.1.fromAmount' });
    expect(
      refusal(() =>
        checkContractTiers([
          { fromAmount: '5000', discountPercent: '3' },
          { fromAmount: '9000', discountPercent: '2' },
        ]),
      ),
    ).toMatchObject({ reason: 'TIER_BELOW_LOWER_TIER', field: 'contractTiers.1.discountPercent' });
  });
});

describe('a contract’s catalogue', () => {
  test('checked item by item, the field naming the item and its tier', () => {
    const checked = checkCatalogue({
      tierBasis: 'ITEM_QUANTITY',
      items: [item(), item({ sku: 'RAIL-2', vatRate: '9.00' })],
    });
    expect(checked.items[1]).toMatchObject({ vatRate: '9', listPrice: '120.00' });
    expect(
      refusal(() =>
        checkCatalogue({
          tierBasis: 'ITEM_QUANTITY',
          items: [
            item(),
            item({ sku: 'B' }),
            item({ sku: 'C' }),
            item({
              sku: 'D',
              tiers: [
                { fromQuantity: 1, unitPrice: '1' },
                { fromQuantity: 2, unitPrice: '2' },
              ],
            }),
          ],
        }),
      ),
    ).toMatchObject({ field: 'items.3.tiers.1.unitPrice', reason: 'TIER_ABOVE_LOWER_TIER' });
  });

  test.each([
    ['a VAT rate of 6 %', { items: [item({ vatRate: '6' })] }, 'items.0.vatRate'],
    ['a list price with three decimals', { items: [item({ listPrice: '1.005' })] }, 'items.0.listPrice'],
    ['a negative list price', { items: [item({ listPrice: '-1.00' })] }, 'items.0.listPrice'],
    ['an absurd list price', { items: [item({ listPrice: '1000000.01' })] }, 'items.0.listPrice'],
    ['a SKU twice (whatever its case)', { items: [item(), item({ sku: ' rail-1 ' })] }, 'items.1.sku'],
    ['no items', { items: [] }, 'items'],
    [
      'contract tiers on a per-item contract',
      { contractTiers: [{ fromAmount: '0', discountPercent: '1' }], items: [item()] },
      'contractTiers',
    ],
  ])('refuses %s', (_label, input, field) => {
    expect(refusal(() => checkCatalogue({ tierBasis: 'ITEM_QUANTITY', ...input }))?.field).toBe(field);
  });

  test('item tiers on a contract-amount contract are refused; its contract tiers are checked', () => {
    expect(refusal(() => checkCatalogue({ tierBasis: 'CONTRACT_AMOUNT', items: [item()] }))?.field).toBe(
      'items.0.tiers',
    );
    expect(
      refusal(() =>
        checkCatalogue({
          tierBasis: 'CONTRACT_AMOUNT',
          contractTiers: [{ fromAmount: '-1', discountPercent: '1' }],
          items: [item({ tiers: [] })],
        }),
      )?.field,
    ).toBe('contractTiers.0.fromAmount');
  });

  test(`at most ${MAX_CONTRACT_ITEMS} items`, () => {
    const items = Array.from({ length: MAX_CONTRACT_ITEMS + 1 }, (_, i) => item({ sku: `S-${i}`, tiers: [] }));
    expect(refusal(() => checkCatalogue({ tierBasis: 'ITEM_QUANTITY', items }))?.reason).toBe('TOO_MANY');
    expect(checkCatalogue({ tierBasis: 'ITEM_QUANTITY', items: items.slice(1) }).items).toHaveLength(
      MAX_CONTRACT_ITEMS,
    );
  });
});

describe('the contract status', () => {
  const facts = { orders: 0, items: 3 };
  test('DRAFT → ACTIVE → ENDED; a draft may be dropped; the same status again changes nothing', () => {
    for (const [from, to] of [
      ['DRAFT', 'ACTIVE'],
      ['ACTIVE', 'ENDED'],
      ['DRAFT', 'ENDED'],
      ['ACTIVE', 'DRAFT'],
      ['ENDED', 'ENDED'],
    ] as const)
      expect(refusal(() => checkStatusChange(from, to, facts))).toBeNull();
  });

  test('an ended contract stays ended; ordered-from goes back to draft never; no items, not orderable', () => {
    expect(refusal(() => checkStatusChange('ENDED', 'ACTIVE', facts))).toMatchObject({ kind: 'CONFLICT' });
    expect(refusal(() => checkStatusChange('ENDED', 'DRAFT', facts))).toMatchObject({ kind: 'CONFLICT' });
    expect(refusal(() => checkStatusChange('ACTIVE', 'DRAFT', { orders: 1, items: 3 }))?.reason).toBe(
      'CONTRACT_ORDERED',
    );
    expect(refusal(() => checkStatusChange('DRAFT', 'ACTIVE', { orders: 0, items: 0 }))?.reason).toBe('NO_ITEMS');
  });
});
