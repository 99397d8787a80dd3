import { peppolOrderXml, unitCodeOf, type PeppolOrder } from '../order-xml';
import { buyer, refusal, seller, with_, withLine } from './order-xml-fixtures';

/*
 * The Peppol BIS Order 3 export refuses an order that would make an invalid document (each with
 * its reason, its field and a sentence), accepts VAT rounded per line or per rate, and maps the
 * catalogue's units to UN/ECE Recommendation 20 codes (`unitCodeOf`). The example order:
 * order-xml-fixtures.ts.
 */

describe('peppolOrderXml: refusals', () => {
  test.each<[string, () => PeppolOrder, string, string | null]>([
    ['no lines', () => with_({ lines: [] }), 'NO_LINES', 'lines'],
    ['a blank order number', () => with_({ id: '  ' }), 'REQUIRED', 'id'],
    ['an impossible issue date', () => with_({ issueDate: '2026-02-30' }), 'INVALID_DATE', 'issueDate'],
    ['an issue date with a time', () => with_({ issueDate: '2026-02-03T10:00' }), 'INVALID_DATE', 'issueDate'],
    ['another currency', () => with_({ currency: 'USD' as 'EUR' }), 'INVALID_CURRENCY', 'currency'],
    [
      'a 7-digit KvK number',
      () => with_({ buyer: { ...buyer, kvkNumber: '1234567' } }),
      'INVALID_KVK_NUMBER',
      'buyer.kvkNumber',
    ],
    [
      'a KvK number with letters',
      () => with_({ seller: { ...seller, kvkNumber: '1234567a' } }),
      'INVALID_KVK_NUMBER',
      'seller.kvkNumber',
    ],
    [
      'an endpoint without scheme',
      () => with_({ buyer: { ...buyer, endpointId: '12345678' } }),
      'INVALID_ENDPOINT_ID',
      'buyer.endpointId',
    ],
    [
      'a KvK endpoint of 9 digits',
      () => with_({ seller: { ...seller, endpointId: '0106:123456789' } }),
      'INVALID_ENDPOINT_ID',
      'seller.endpointId',
    ],
    [
      'a VAT number without country',
      () => with_({ buyer: { ...buyer, vatNumber: '123456789B01' } }),
      'INVALID_VAT_NUMBER',
      'buyer.vatNumber',
    ],
    [
      'a malformed Dutch VAT number',
      () => with_({ buyer: { ...buyer, vatNumber: 'NL12345678B01' } }),
      'INVALID_VAT_NUMBER',
      'buyer.vatNumber',
    ],
    [
      'a country name',
      () => with_({ seller: { ...seller, country: 'Nederland' } }),
      'INVALID_COUNTRY',
      'seller.country',
    ],
    ['a blank party name', () => with_({ seller: { ...seller, name: '' } }), 'REQUIRED', 'seller.name'],
    [
      'a delivery country in lower case',
      () => with_({ deliveryAddress: { country: 'nl' } }),
      'INVALID_COUNTRY',
      'deliveryAddress.country',
    ],
    ['an amount with one decimal', () => withLine(0, { amount: '125.0' }), 'INVALID_AMOUNT', 'lines.0.amount'],
    ['an amount with a comma', () => withLine(0, { amount: '125,00' }), 'INVALID_AMOUNT', 'lines.0.amount'],
    ['a negative amount', () => withLine(0, { amount: '-125.00' }), 'INVALID_AMOUNT', 'lines.0.amount'],
    [
      'a unit price with five decimals',
      () => withLine(1, { unitPrice: '4.99000' }),
      'INVALID_AMOUNT',
      'lines.1.unitPrice',
    ],
    ['a total with three decimals', () => with_({ vatTotal: '27.600' }), 'INVALID_AMOUNT', 'vatTotal'],
    [
      'a line amount that is not quantity × price',
      () => withLine(0, { amount: '125.01' }),
      'LINE_AMOUNT_MISMATCH',
      'lines.0.amount',
    ],
    ['a zero quantity', () => withLine(0, { quantity: 0 }), 'INVALID_QUANTITY', 'lines.0.quantity'],
    ['a NaN quantity', () => withLine(0, { quantity: Number.NaN }), 'INVALID_QUANTITY', 'lines.0.quantity'],
    ['a duplicate line number', () => withLine(1, { lineNumber: 1 }), 'DUPLICATE_LINE_NUMBER', 'lines.1.lineNumber'],
    ['line number 0', () => withLine(0, { lineNumber: 0 }), 'INVALID_LINE_NUMBER', 'lines.0.lineNumber'],
    ['a blank article number', () => withLine(2, { sku: ' ' }), 'REQUIRED', 'lines.2.sku'],
    ['a unit name instead of a code', () => withLine(0, { unitCode: 'stuk' }), 'INVALID_UNIT_CODE', 'lines.0.unitCode'],
    ['the withdrawn box code BX', () => withLine(1, { unitCode: 'BX' }), 'INVALID_UNIT_CODE', 'lines.1.unitCode'],
    ['a VAT rate of 6', () => withLine(1, { vatRate: '6' }), 'INVALID_VAT_RATE', 'lines.1.vatRate'],
    [
      'a line total that is not the sum of the lines',
      () => with_({ lineExtensionTotal: '154.48', payableTotal: '182.08' }),
      'TOTAL_MISMATCH',
      'lineExtensionTotal',
    ],
    [
      'a VAT total that is not the VAT on the lines',
      () => with_({ vatTotal: '27.70', payableTotal: '182.17' }),
      'TOTAL_MISMATCH',
      'vatTotal',
    ],
    [
      'a payable total that is not lines + VAT',
      () => with_({ payableTotal: '182.08' }),
      'TOTAL_MISMATCH',
      'payableTotal',
    ],
    ['a control character in a name', () => withLine(0, { name: 'Meel\u0007' }), 'INVALID_TEXT', 'lines.0.name'],
    ['a lone surrogate in the note', () => with_({ note: 'x\uD800y' }), 'INVALID_TEXT', 'note'],
  ])('refuses %s', (_, input, reason, field) => {
    const error = refusal(() => peppolOrderXml(input()));
    expect(error.reason).toBe(reason);
    expect(error.field).toBe(field);
    expect(error.kind).toBe('BAD_USER_INPUT');
    expect(error.message.length).toBeGreaterThan(10);
  });

  test('accepts VAT rounded per line as well as per rate', () => {
    // Two lines of 0.07 at 21 %: per line 2 × round(0.0147) = 0.02; per rate round(0.0294) = 0.03.
    const two: PeppolOrder = with_({
      lines: [
        {
          lineNumber: 1,
          sku: 'A',
          name: 'A',
          quantity: 1,
          unitCode: 'C62',
          unitPrice: '0.07',
          amount: '0.07',
          vatRate: '21',
        },
        {
          lineNumber: 2,
          sku: 'B',
          name: 'B',
          quantity: 1,
          unitCode: 'C62',
          unitPrice: '0.07',
          amount: '0.07',
          vatRate: '21',
        },
      ],
      lineExtensionTotal: '0.14',
    });
    expect(() => peppolOrderXml({ ...two, vatTotal: '0.03', payableTotal: '0.17' })).not.toThrow();
    expect(() => peppolOrderXml({ ...two, vatTotal: '0.02', payableTotal: '0.16' })).not.toThrow();
    expect(refusal(() => peppolOrderXml({ ...two, vatTotal: '0.04', payableTotal: '0.18' })).reason).toBe(
      'TOTAL_MISMATCH',
    );
  });
});

describe('unitCodeOf', () => {
  test.each([
    ['stuk', 'C62'],
    ['Stuks', 'C62'],
    ['piece', 'C62'],
    ['doos', 'XBX'],
    ['box', 'XBX'],
    ['rol', 'XRO'],
    ['roll', 'XRO'],
    ['uur', 'HUR'],
    ['hour', 'HUR'],
    ['kWh', 'KWH'],
    ['maand', 'MON'],
    ['month', 'MON'],
    ['pak', 'XPK'],
    ['pack', 'XPK'],
    ['set', 'SET'],
    ['liter', 'LTR'],
    [' Liter ', 'LTR'],
    ['kg', 'KGM'],
    ['vat', 'C62'],
    ['', 'C62'],
  ])('%s → %s', (unit, code) => {
    expect(unitCodeOf(unit)).toBe(code);
  });

  test('every code it gives is accepted by peppolOrderXml', () => {
    for (const unit of [
      'stuk',
      'doos',
      'rol',
      'uur',
      'kWh',
      'maand',
      'pak',
      'set',
      'liter',
      'dag',
      'jaar',
      'kg',
      'm',
      'm2',
      'm3',
    ]) {
      expect(() => peppolOrderXml(withLine(0, { unitCode: unitCodeOf(unit) }))).not.toThrow();
    }
  });
});
