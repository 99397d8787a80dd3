import { exact } from '@samen-sterk/subgraph-runtime/pure';
import fc from 'fast-check';
import { itemTierPrice } from '../pricing';
import { settleRebates, type SettlementInput } from '../settlement';
import { contractTiers, itemTiers, price, RAIL_TIERS } from './fixtures';

/*
 * Worked by hand. Rails (list €120.00; €110.00 from 100, €99.50 from 500) end the period at 520
 * units, so the final price is €99.50; hangers (list €2.49; €1.99 from 1,000) end at 1,200.
 */
const items = [
  {
    itemId: 'rail',
    listPrice: '120.00',
    tiers: RAIL_TIERS,
    sectorQuantity: 520,
  },
  { itemId: 'hangers', listPrice: '2.49', tiers: [{ fromQuantity: 1000, unitPrice: '1.99' }], sectorQuantity: 1200 },
];
const base: SettlementInput = { basis: 'ITEM_QUANTITY', contractTiers: [], items, sectorAmount: '0.00', lines: [] };

describe('settleRebates', () => {
  test('earlier orders earn the difference to the final tier; members sorted by id', () => {
    const result = settleRebates({
      ...base,
      lines: [
        { orderId: 'o1', memberId: 'm2', itemId: 'rail', quantity: 40, unitPrice: '120.00' }, // 20.50 × 40
        { orderId: 'o2', memberId: 'm1', itemId: 'rail', quantity: 60, unitPrice: '110.00' }, // 10.50 × 60
        { orderId: 'o3', memberId: 'm1', itemId: 'rail', quantity: 5, unitPrice: '99.50' }, // already final
        { orderId: 'o4', memberId: 'm3', itemId: 'hangers', quantity: 7, unitPrice: '2.49' }, // 0.50 × 7
      ],
    });
    expect(result.lines.map((l) => [l.orderId, l.paid, l.finalUnitPrice, l.rebate])).toEqual([
      ['o1', '120.00', '99.50', '820.00'],
      ['o2', '110.00', '99.50', '630.00'],
      ['o3', '99.50', '99.50', '0.00'],
      ['o4', '2.49', '1.99', '3.50'],
    ]);
    expect(result.members).toEqual([
      { memberId: 'm1', rebate: '630.00', lines: 2 },
      { memberId: 'm2', rebate: '820.00', lines: 1 },
      { memberId: 'm3', rebate: '3.50', lines: 1 },
    ]);
    expect(result.total).toBe('1453.50');
  });

  test('a line paid below the final price earns nothing and owes nothing; its member is still listed', () => {
    const result = settleRebates({
      ...base,
      lines: [{ orderId: 'o9', memberId: 'm4', itemId: 'rail', quantity: 3, unitPrice: '99.00' }],
    });
    expect(result.members).toEqual([{ memberId: 'm4', rebate: '0.00', lines: 1 }]);
    expect(result.total).toBe('0.00');
  });

  test('no lines: no members, total 0.00', () => {
    expect(settleRebates(base)).toEqual({ members: [], lines: [], total: '0.00' });
  });

  test('CONTRACT_AMOUNT: the final discount on the period amount (€25,000 reached: 7.5 % off 19.99 = 18.49)', () => {
    const result = settleRebates({
      basis: 'CONTRACT_AMOUNT',
      contractTiers: [
        { fromAmount: '10000.00', discountPercent: '5' },
        { fromAmount: '25000.00', discountPercent: '7.5' },
      ],
      items: [{ itemId: 'bags', listPrice: '19.99', tiers: [], sectorQuantity: 0 }],
      sectorAmount: '25000.00',
      lines: [{ orderId: 'o1', memberId: 'm1', itemId: 'bags', quantity: 30, unitPrice: '18.99' }],
    });
    expect(result.lines[0]).toMatchObject({ finalUnitPrice: '18.49', rebate: '15.00' });
  });

  test('a list price changed in the period: each line settles from the list price it was ordered at', () => {
    // Rails went from €120.00 to €125.00 list; tiers stay (€110.00 from 100, €99.50 from 500).
    const raised = { ...base, items: [{ ...items[0]!, listPrice: '125.00', sectorQuantity: 90 }] };
    const below = settleRebates({
      ...raised,
      lines: [
        { orderId: 'o1', memberId: 'm1', itemId: 'rail', quantity: 40, unitPrice: '120.00', listPrice: '120.00' },
        { orderId: 'o2', memberId: 'm1', itemId: 'rail', quantity: 50, unitPrice: '125.00', listPrice: '125.00' },
      ],
    });
    // No tier reached: each line's final price is its own list price, so nobody earns or owes.
    expect(below.lines.map((l) => [l.finalUnitPrice, l.rebate])).toEqual([
      ['120.00', '0.00'],
      ['125.00', '0.00'],
    ]);
    const contract = settleRebates({
      basis: 'CONTRACT_AMOUNT',
      contractTiers: [{ fromAmount: '10000.00', discountPercent: '5' }],
      items: [{ itemId: 'bags', listPrice: '21.00', tiers: [], sectorQuantity: 0 }],
      sectorAmount: '10000.00',
      lines: [{ orderId: 'o1', memberId: 'm1', itemId: 'bags', quantity: 30, unitPrice: '19.99', listPrice: '19.99' }],
    });
    // 5 % off the €19.99 it was ordered at (18.9905 → €18.99), not off today's €21.00 (€19.95).
    expect(contract.lines[0]).toMatchObject({ finalUnitPrice: '18.99', rebate: '30.00' });
  });

  test('refuses a line of an unknown item, and an item listed twice', () => {
    const unknown = { orderId: 'o1', memberId: 'm1', itemId: 'chairs', quantity: 1, unitPrice: '1.00' };
    expect(() => settleRebates({ ...base, lines: [unknown] })).toThrow(
      expect.objectContaining({ field: 'lines[0].itemId', reason: 'UNKNOWN_ITEM' }),
    );
    expect(() => settleRebates({ ...base, items: [items[0]!, items[0]!] })).toThrow(
      expect.objectContaining({ field: 'items[1].itemId' }),
    );
  });
});

describe('properties', () => {
  const line = fc.record({
    orderId: fc.constantFrom('o1', 'o2', 'o3'),
    memberId: fc.constantFrom('m1', 'm2', 'm3'),
    itemId: fc.constant('x'),
    quantity: fc.integer({ min: 1, max: 1_000 }),
    unitPrice: price(),
  });
  const input = fc.record({
    basis: fc.constantFrom('ITEM_QUANTITY' as const, 'CONTRACT_AMOUNT' as const),
    contractTiers: contractTiers(),
    items: fc.tuple(
      fc.record({
        itemId: fc.constant('x'),
        listPrice: price(),
        tiers: itemTiers(),
        sectorQuantity: fc.integer({ min: 0, max: 6_000 }),
      }),
    ),
    sectorAmount: price(10_000_000),
    lines: fc.array(line, { maxLength: 8 }),
  });

  test('never negative; total = Σ members = Σ lines; every member listed has lines', () => {
    fc.assert(
      fc.property(input, (settlement) => {
        const result = settleRebates(settlement);
        const sumOf = (values: string[]) => values.reduce((t, v) => t.plus(v), exact(0)).toFixed(2);
        for (const l of result.lines) expect(exact(l.rebate).isNegative()).toBe(false);
        expect(sumOf(result.lines.map((l) => l.rebate))).toBe(result.total);
        expect(sumOf(result.members.map((m) => m.rebate))).toBe(result.total);
        expect(result.members.reduce((n, m) => n + m.lines, 0)).toBe(settlement.lines.length);
        const ids = result.members.map((m) => m.memberId);
        expect(ids).toEqual([...ids].sort());
      }),
    );
  });

  test('zero when the final tier is the one paid', () => {
    fc.assert(
      fc.property(
        price(),
        itemTiers(),
        fc.integer({ min: 0, max: 6_000 }),
        fc.integer({ min: 1, max: 999 }),
        (list, tiers, q, n) => {
          const paid = itemTierPrice(list, tiers, q).unitPrice.toFixed(2);
          const result = settleRebates({
            ...base,
            items: [{ itemId: 'x', listPrice: list, tiers, sectorQuantity: q }],
            lines: [{ orderId: 'o', memberId: 'm', itemId: 'x', quantity: n, unitPrice: paid }],
          });
          expect(result.total).toBe('0.00');
        },
      ),
    );
  });
});
