import { exact } from '@samen-sterk/subgraph-runtime/pure';
import fc from 'fast-check';
import { contractTierPrice, itemTierPrice, priceOrder, type PriceOrderInput } from '../pricing';
import { CONTRACT_TIERS, contractTiers as contractTiersArb, itemTiers, price, RAIL_TIERS, vatRate } from './fixtures';

// Worked by hand, on the rail and contract tiers of ./fixtures.
const show = (p: ReturnType<typeof itemTierPrice>) => ({
  unitPrice: p.unitPrice.toFixed(2),
  tierIndex: p.tierIndex,
  next: p.next && { ...p.next, unitPrice: p.next.unitPrice.toFixed(2) },
});

describe('itemTierPrice', () => {
  test('below the first tier: list price, and how far the next tier is', () => {
    expect(show(itemTierPrice('120.00', RAIL_TIERS, 80))).toEqual({
      unitPrice: '120.00',
      tierIndex: null,
      next: { from: '100', unitPrice: '110.00', remaining: '20' },
    });
  });

  test('exactly at a tier boundary the tier applies; tierIndex counts the sorted tiers', () => {
    expect(show(itemTierPrice('120.00', RAIL_TIERS, 100))).toEqual({
      unitPrice: '110.00',
      tierIndex: 0,
      next: { from: '500', unitPrice: '99.50', remaining: '400' },
    });
    expect(show(itemTierPrice('120.00', RAIL_TIERS, 499)).unitPrice).toBe('110.00');
    expect(show(itemTierPrice('120.00', RAIL_TIERS, 500))).toEqual({ unitPrice: '99.50', tierIndex: 1, next: null });
  });

  test('no tiers: list price; a tier from 0 applies from the first unit', () => {
    expect(show(itemTierPrice('7.25', [], 10_000))).toEqual({ unitPrice: '7.25', tierIndex: null, next: null });
    expect(show(itemTierPrice('7.25', [{ fromQuantity: 0, unitPrice: '6.90' }], 0)).unitPrice).toBe('6.90');
  });

  test('a tier above list price never raises it, and is not offered as the next tier', () => {
    const tiers = [
      { fromQuantity: 50, unitPrice: '12.00' },
      { fromQuantity: 200, unitPrice: '9.00' },
    ];
    expect(show(itemTierPrice('10.00', tiers, 10))).toEqual({
      unitPrice: '10.00',
      tierIndex: null,
      next: { from: '200', unitPrice: '9.00', remaining: '190' },
    });
    expect(show(itemTierPrice('10.00', tiers, 60)).unitPrice).toBe('10.00');
    expect(show(itemTierPrice('10.00', tiers, 60)).tierIndex).toBe(0);
  });

  test('a higher tier priced above a lower one keeps the lower price', () => {
    const tiers = [
      { fromQuantity: 10, unitPrice: '8.00' },
      { fromQuantity: 20, unitPrice: '9.00' },
    ];
    expect(show(itemTierPrice('10.00', tiers, 25))).toEqual({ unitPrice: '8.00', tierIndex: 1, next: null });
  });

  test('refuses bad input, naming the field', () => {
    expect(() => itemTierPrice('-1.00', [], 0)).toThrow(expect.objectContaining({ field: 'listPrice' }));
    expect(() => itemTierPrice('1.005', [], 0)).toThrow(expect.objectContaining({ reason: 'TOO_MANY_DECIMALS' }));
    expect(() => itemTierPrice('1.00', [{ fromQuantity: 5, unitPrice: '-0.50' }], 0)).toThrow(
      expect.objectContaining({ field: 'tiers[0].unitPrice' }),
    );
    expect(() => itemTierPrice('1.00', [], 2.5)).toThrow(expect.objectContaining({ field: 'sectorQuantity' }));
  });
});

describe('contractTierPrice', () => {
  test('list × (100 − discount) / 100, half up to cents, from the amount on', () => {
    expect(show(contractTierPrice('19.99', CONTRACT_TIERS, '9999.99'))).toEqual({
      unitPrice: '19.99',
      tierIndex: null,
      next: { from: '10000.00', unitPrice: '18.99', remaining: '0.01' },
    });
    // 19.99 × 0.95 = 18.9905 → 18.99; 19.99 × 0.925 = 18.49075 → 18.49
    expect(show(contractTierPrice('19.99', CONTRACT_TIERS, exact('10000.00')))).toEqual({
      unitPrice: '18.99',
      tierIndex: 0,
      next: { from: '25000.00', unitPrice: '18.49', remaining: '15000.00' },
    });
    // 4.45 × 0.95 = 4.2275 → 4.23 (half up)
    expect(contractTierPrice('4.45', CONTRACT_TIERS, '10000').unitPrice.toFixed(2)).toBe('4.23');
  });

  test('a discount outside 0–100 % is refused', () => {
    expect(() => contractTierPrice('1.00', [{ fromAmount: '0', discountPercent: '101' }], '0')).toThrow(
      expect.objectContaining({ field: 'tiers[0].discountPercent', reason: 'INVALID_PERCENT' }),
    );
  });
});

const rail = { itemId: 'rail', listPrice: '120.00', vatRate: '21', tiers: RAIL_TIERS };
const hangers = {
  itemId: 'hangers',
  listPrice: '2.49',
  vatRate: '9',
  tiers: [{ fromQuantity: 1000, unitPrice: '1.99' }],
};
const itemOrder = (lines: PriceOrderInput['lines']): PriceOrderInput => ({
  basis: 'ITEM_QUANTITY',
  contractTiers: [],
  sectorAmountBefore: '0.00',
  lines,
});

describe('priceOrder', () => {
  test('an order that itself crosses a tier is priced at the tier it reaches (90 + 15 = 105 ≥ 100)', () => {
    const order = priceOrder(
      itemOrder([
        { ...rail, quantity: 15, sectorQuantityBefore: 90 },
        { ...hangers, quantity: 7, sectorQuantityBefore: 400 },
      ]),
    );
    expect(order.lines).toEqual([
      {
        itemId: 'rail',
        quantity: 15,
        listPrice: '120.00',
        unitPrice: '110.00',
        amount: '1650.00',
        vatRate: '21',
        tierIndex: 0,
      },
      {
        itemId: 'hangers',
        quantity: 7,
        listPrice: '2.49',
        unitPrice: '2.49',
        amount: '17.43',
        vatRate: '9',
        tierIndex: null,
      },
    ]);
    expect(order).toMatchObject({ total: '1667.43', listTotal: '1817.43', savings: '150.00', vatTotal: '348.07' });
    // 21 % of 1650.00 = 346.50; 9 % of 17.43 = 1.5687 → 1.57
    expect(order.vat).toEqual([
      { rate: '21', base: '1650.00', amount: '346.50' },
      { rate: '9', base: '17.43', amount: '1.57' },
    ]);
    expect(order.sectorAfter).toEqual({
      items: [
        { itemId: 'rail', quantity: 105 },
        { itemId: 'hangers', quantity: 407 },
      ],
      amount: '1817.43',
    });
  });

  test('the same item on two lines: both lines count, both priced at that tier', () => {
    const order = priceOrder(
      itemOrder([
        { ...rail, quantity: 6, sectorQuantityBefore: 90 },
        { ...rail, quantity: 4, sectorQuantityBefore: 90 },
      ]),
    );
    expect(order.lines.map((l) => [l.unitPrice, l.amount])).toEqual([
      ['110.00', '660.00'],
      ['110.00', '440.00'],
    ]);
    expect(order.sectorAfter.items).toEqual([{ itemId: 'rail', quantity: 100 }]);
  });

  test('VAT is rounded once per rate, not per line (9 % of 0.05 twice: 0.01, not 0.00)', () => {
    const cheap = { listPrice: '0.05', vatRate: '9.00', tiers: [], sectorQuantityBefore: 0, quantity: 1 };
    const order = priceOrder(
      itemOrder([
        { ...cheap, itemId: 'a' },
        { ...cheap, itemId: 'b' },
      ]),
    );
    expect(order.vat).toEqual([{ rate: '9', base: '0.10', amount: '0.01' }]);
  });

  test('CONTRACT_AMOUNT: the order lifts the contract over €10,000 (9500.00 + 644.20), so 5 % off', () => {
    const order = priceOrder({
      basis: 'CONTRACT_AMOUNT',
      contractTiers: CONTRACT_TIERS,
      sectorAmountBefore: '9500.00',
      lines: [
        { itemId: 'bags', quantity: 30, listPrice: '19.99', vatRate: '21', tiers: [], sectorQuantityBefore: 0 },
        { itemId: 'tags', quantity: 10, listPrice: '4.45', vatRate: '9', tiers: [], sectorQuantityBefore: 0 },
      ],
    });
    expect(order.lines.map((l) => [l.unitPrice, l.amount, l.tierIndex])).toEqual([
      ['18.99', '569.70', 0],
      ['4.23', '42.30', 0],
    ]);
    expect(order).toMatchObject({ total: '612.00', listTotal: '644.20', savings: '32.20', vatTotal: '123.45' });
    expect(order.vat).toEqual([
      { rate: '21', base: '569.70', amount: '119.64' },
      { rate: '9', base: '42.30', amount: '3.81' },
    ]);
    expect(order.sectorAfter.amount).toBe('10144.20');
  });

  test.each([
    [{ quantity: 0 }, 'lines[0].quantity', 'INVALID_QUANTITY'],
    [{ quantity: 1.5 }, 'lines[0].quantity', 'INVALID_QUANTITY'],
    [{ quantity: 1_000_001 }, 'lines[0].quantity', 'QUANTITY_TOO_LARGE'],
    [{ vatRate: '6' }, 'lines[0].vatRate', 'INVALID_VAT_RATE'],
    [{ listPrice: '-0.01' }, 'lines[0].listPrice', 'NEGATIVE_AMOUNT'],
    [{ listPrice: 12 as unknown as string }, 'lines[0].listPrice', 'INVALID_AMOUNT'],
    [{ tiers: [{ fromQuantity: 1, unitPrice: '-1' }] }, 'lines[0].tiers[0].unitPrice', 'NEGATIVE_AMOUNT'],
  ])('refuses %o: %s', (change, field, reason) => {
    const line = { ...rail, quantity: 1, sectorQuantityBefore: 0, ...change };
    expect(() => priceOrder(itemOrder([line]))).toThrow(expect.objectContaining({ field, reason }));
  });

  test('refuses an empty order and an item with two different sector quantities', () => {
    expect(() => priceOrder(itemOrder([]))).toThrow(expect.objectContaining({ field: 'lines', reason: 'NO_LINES' }));
    const two = [
      { ...rail, quantity: 1, sectorQuantityBefore: 0 },
      { ...rail, quantity: 1, sectorQuantityBefore: 3 },
    ];
    expect(() => priceOrder(itemOrder(two))).toThrow(expect.objectContaining({ field: 'lines[1]' }));
  });
});

describe('properties', () => {
  const line = fc.record({
    itemId: fc.constantFrom('a', 'b', 'c', 'd'),
    quantity: fc.integer({ min: 1, max: 1_000 }),
    vatRate: vatRate(),
  });
  // One list price, tier set and volume per item, so two lines of one item agree.
  const order = fc
    .record({
      basis: fc.constantFrom('ITEM_QUANTITY' as const, 'CONTRACT_AMOUNT' as const),
      contractTiers: contractTiersArb(),
      sectorAmountBefore: price(10_000_000),
      items: fc.dictionary(
        fc.constantFrom('a', 'b', 'c', 'd'),
        fc.record({ listPrice: price(), tiers: itemTiers(), sectorQuantityBefore: fc.integer({ min: 0, max: 6_000 }) }),
        { minKeys: 4 },
      ),
      lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    })
    .map(({ items, lines, ...rest }): PriceOrderInput => ({
      ...rest,
      lines: lines.map((l) => ({ ...l, ...items[l.itemId]! })),
    }));

  test('total = Σ line amounts = Σ VAT bases; savings = list total − total ≥ 0; unit price ≤ list', () => {
    fc.assert(
      fc.property(order, (input) => {
        const out = priceOrder(input);
        const total = out.lines.reduce((t, l) => t.plus(l.amount), exact(0));
        expect(total.toFixed(2)).toBe(out.total);
        expect(out.vat.reduce((t, v) => t.plus(v.base), exact(0)).toFixed(2)).toBe(out.total);
        expect(out.vat.reduce((t, v) => t.plus(v.amount), exact(0)).toFixed(2)).toBe(out.vatTotal);
        expect(exact(out.listTotal).minus(out.total).toFixed(2)).toBe(out.savings);
        expect(exact(out.savings).isNegative()).toBe(false);
        for (const l of out.lines) {
          expect(exact(l.unitPrice).lessThanOrEqualTo(l.listPrice)).toBe(true);
          expect(exact(l.unitPrice).times(l.quantity).toFixed(2)).toBe(l.amount);
        }
      }),
    );
  });

  test('more sector volume never raises the price; the order of the tiers does not matter', () => {
    fc.assert(
      fc.property(
        price(),
        itemTiers(),
        fc.integer({ min: 0, max: 6_000 }),
        fc.integer({ min: 0, max: 6_000 }),
        (list, tiers, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const atLow = itemTierPrice(list, tiers, low).unitPrice;
          expect(itemTierPrice(list, tiers, high).unitPrice.lessThanOrEqualTo(atLow)).toBe(true);
          expect(itemTierPrice(list, [...tiers].reverse(), low).unitPrice.equals(atLow)).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(price(), contractTiersArb(), price(10_000_000), price(10_000_000), (list, tiers, a, b) => {
        const [low, high] = exact(a).lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const atLow = contractTierPrice(list, tiers, low).unitPrice;
        expect(contractTierPrice(list, tiers, high).unitPrice.lessThanOrEqualTo(atLow)).toBe(true);
        expect(atLow.lessThanOrEqualTo(list)).toBe(true);
      }),
    );
  });

  test('the next tier, once reached, gives the price it announced', () => {
    fc.assert(
      fc.property(price(), itemTiers(), fc.integer({ min: 0, max: 6_000 }), (list, tiers, q) => {
        const { next } = itemTierPrice(list, tiers, q);
        if (!next) return;
        expect(q + Number(next.remaining)).toBe(Number(next.from));
        expect(itemTierPrice(list, tiers, Number(next.from)).unitPrice.equals(next.unitPrice)).toBe(true);
        expect(itemTierPrice(list, tiers, Number(next.from) - 1).unitPrice.greaterThan(next.unitPrice)).toBe(true);
      }),
    );
  });
});
