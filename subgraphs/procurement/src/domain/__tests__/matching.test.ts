import { exact } from '@samen-sterk/subgraph-runtime/pure';
import fc from 'fast-check';
import { threeWayMatch, type MatchLineInput } from '../matching';
import { price } from './fixtures';

const line = (overrides: Partial<MatchLineInput> = {}): MatchLineInput => ({
  lineId: 'L1',
  ordered: 10,
  unitPrice: '10.00',
  received: 10,
  invoicedQuantity: 10,
  invoicedUnitPrice: '10.00',
  ...overrides,
});
const codes = (r: ReturnType<typeof threeWayMatch>) => r.discrepancies.map((d) => d.code);

describe('threeWayMatch', () => {
  test('MATCHED: all received, all invoiced at the order price, total equal', () => {
    const result = threeWayMatch({
      lines: [
        line(),
        line({
          lineId: 'L2',
          ordered: 3,
          received: 3,
          invoicedQuantity: 3,
          unitPrice: '2.49',
          invoicedUnitPrice: '2.49',
        }),
      ],
      invoicedTotal: '107.47',
    });
    expect(result).toEqual({ status: 'MATCHED', discrepancies: [] });
  });

  test('PENDING: nothing invoiced yet (outstanding receipts are listed, not wrong)', () => {
    expect(
      threeWayMatch({ lines: [line({ invoicedQuantity: 0, invoicedUnitPrice: null })], invoicedTotal: null }),
    ).toEqual({
      status: 'PENDING',
      discrepancies: [],
    });
    const partly = threeWayMatch({
      lines: [line({ received: 4, invoicedQuantity: 0, invoicedUnitPrice: null })],
      invoicedTotal: null,
    });
    expect(partly.status).toBe('PENDING');
    expect(partly.discrepancies).toEqual([
      { lineId: 'L1', code: 'NOT_RECEIVED', message: 'Line L1: 4 of 10 units received; 6 still to come.' },
    ]);
  });

  test('PENDING: invoiced what arrived, the rest still to come', () => {
    const result = threeWayMatch({ lines: [line({ received: 6, invoicedQuantity: 6 })], invoicedTotal: '60.00' });
    expect(result.status).toBe('PENDING');
    expect(codes(result)).toEqual(['NOT_RECEIVED']);
  });

  test('DISCREPANCY: more received than ordered, more invoiced than received', () => {
    const more = threeWayMatch({ lines: [line({ received: 12, invoicedQuantity: 10 })], invoicedTotal: '100.00' });
    expect(more.status).toBe('DISCREPANCY');
    expect(more.discrepancies[0]).toEqual({
      lineId: 'L1',
      code: 'RECEIVED_MORE_THAN_ORDERED',
      message: 'Line L1: 12 units received, but only 10 ordered.',
    });
    // wrong even while the rest is still on its way
    const early = threeWayMatch({ lines: [line({ received: 4, invoicedQuantity: 5 })], invoicedTotal: '50.00' });
    expect(early.status).toBe('DISCREPANCY');
    expect(codes(early)).toEqual(['NOT_RECEIVED', 'INVOICED_MORE_THAN_RECEIVED']);
  });

  test('price tolerance: the larger of 1 % and €0.05 a unit, boundary included', () => {
    const at = (unitPrice: string, invoicedUnitPrice: string, total: string) =>
      threeWayMatch({ lines: [line({ unitPrice, invoicedUnitPrice })], invoicedTotal: total }).status;
    expect(at('10.00', '10.10', '101.00')).toBe('MATCHED'); // 1 % = 0.10
    expect(at('10.00', '9.90', '99.00')).toBe('MATCHED');
    expect(at('10.00', '10.11', '101.10')).toBe('DISCREPANCY');
    expect(at('2.00', '2.05', '20.50')).toBe('MATCHED'); // 1 % = 0.02 < 0.05
    expect(at('2.00', '2.06', '20.60')).toBe('DISCREPANCY');
    const result = threeWayMatch({
      lines: [line({ unitPrice: '10.55', invoicedUnitPrice: '10.70' })],
      invoicedTotal: '107.00',
    });
    expect(result.discrepancies).toEqual([
      {
        lineId: 'L1',
        code: 'PRICE_DIFFERS',
        message:
          'Line L1: invoiced at €10.70 a unit, ordered at €10.55; the difference of €0.15 is more than the €0.1055 allowed.',
      },
    ]);
  });

  test('a tolerance of its own', () => {
    const lines = [line({ invoicedUnitPrice: '10.10' })];
    const strict = { pricePercent: '0', priceAmount: '0' };
    expect(threeWayMatch({ lines, invoicedTotal: '101.00', tolerance: strict }).status).toBe('DISCREPANCY');
  });

  test('invoice total within €0.01 a line of the invoiced lines', () => {
    const lines = [line(), line({ lineId: 'L2' })]; // 200.00 invoiced on the lines
    expect(threeWayMatch({ lines, invoicedTotal: '200.02' }).status).toBe('MATCHED');
    const off = threeWayMatch({ lines, invoicedTotal: '200.03' });
    expect(off.status).toBe('DISCREPANCY');
    expect(off.discrepancies).toEqual([
      {
        lineId: null,
        code: 'TOTAL_DIFFERS',
        message:
          'The invoices total €200.03, but the invoiced lines add up to €200.00; the difference of €0.03 is more than the €0.02 allowed (€0.01 a line).',
      },
    ]);
  });

  test('all received, partly invoiced: NOT_INVOICED is a discrepancy', () => {
    const result = threeWayMatch({
      lines: [line(), line({ lineId: 'L2', invoicedQuantity: 0, invoicedUnitPrice: null })],
      invoicedTotal: '100.00',
    });
    expect(result.status).toBe('DISCREPANCY');
    expect(result.discrepancies).toEqual([
      { lineId: 'L2', code: 'NOT_INVOICED', message: 'Line L2: 0 of the 10 units received are invoiced.' },
    ]);
  });

  test('refuses an invoiced line without a price, invoiced lines without a total, and bad figures', () => {
    expect(() => threeWayMatch({ lines: [line({ invoicedUnitPrice: null })], invoicedTotal: '100.00' })).toThrow(
      expect.objectContaining({ field: 'lines[0].invoicedUnitPrice' }),
    );
    expect(() => threeWayMatch({ lines: [line()], invoicedTotal: null })).toThrow(
      expect.objectContaining({ field: 'invoicedTotal' }),
    );
    expect(() => threeWayMatch({ lines: [line({ received: -1 })], invoicedTotal: null })).toThrow(
      expect.objectContaining({ field: 'lines[0].received' }),
    );
  });
});

describe('properties', () => {
  const exactLine = fc.record({
    lineId: fc.uuid(),
    ordered: fc.integer({ min: 1, max: 1_000 }),
    unitPrice: price(),
  });

  test('ordered = received = invoiced at the order price, total the sum: MATCHED', () => {
    fc.assert(
      fc.property(fc.array(exactLine, { minLength: 1, maxLength: 5 }), (lines) => {
        const full = lines.map((l) => ({
          ...l,
          received: l.ordered,
          invoicedQuantity: l.ordered,
          invoicedUnitPrice: l.unitPrice,
        }));
        const total = full.reduce((t, l) => t.plus(exact(l.unitPrice).times(l.ordered)), exact(0));
        expect(threeWayMatch({ lines: full, invoicedTotal: total.toFixed(2) })).toEqual({
          status: 'MATCHED',
          discrepancies: [],
        });
      }),
    );
  });

  test('never MATCHED while a line is short or over-received', () => {
    fc.assert(
      fc.property(exactLine, fc.integer({ min: 0, max: 2_000 }), (l, received) => {
        fc.pre(received !== l.ordered);
        const result = threeWayMatch({
          lines: [{ ...l, received, invoicedQuantity: 0, invoicedUnitPrice: null }],
          invoicedTotal: '0.00',
        });
        expect(result.status).not.toBe('MATCHED');
      }),
    );
  });
});
