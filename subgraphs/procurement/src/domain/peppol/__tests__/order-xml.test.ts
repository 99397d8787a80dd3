import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { peppolOrderXml, unitCodeOf, type PeppolOrder, type PeppolOrderLine, type PeppolParty } from '../order-xml';

/*
 * The Peppol BIS Order 3 export, read back with fast-xml-parser (namespace prefixes kept) and
 * checked against the Peppol Order transaction 3.0 rules (PEPPOL-T01-…) and UBL 2.1's OrderType
 * sequence. Amounts in the example are worked by hand:
 *   line 1: 10 × 12.50 = 125.00 at 21 %  → VAT 26.25
 *   line 2:  3 ×  4.99 =  14.97 at 9 %   → VAT  1.3473 → 1.35
 *   line 3:  2 ×  7.25 =  14.50 at 0 %   → VAT  0.00
 *   lines 154.47, VAT 27.60, payable 182.07.
 */

type Xml = Record<string, any>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: false,
  isArray: (name) => name === 'cac:OrderLine',
});
const parse = (xml: string): Xml => parser.parse(xml) as Xml;
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false });

const buyer: PeppolParty = {
  name: 'Bakkerij De Gouden Korst',
  kvkNumber: '12345678',
  vatNumber: 'NL123456789B01',
  endpointId: '0106:12345678',
  street: 'Dorpsstraat 1',
  city: 'Utrecht',
  postcode: '3511 AB',
  country: 'NL',
};
const seller: PeppolParty = {
  name: 'Groothandel Meel B.V.',
  kvkNumber: '87654321',
  vatNumber: 'NL987654321B01',
  endpointId: '0106:87654321',
  street: 'Industrieweg 12',
  city: 'Zwolle',
  postcode: '8011 AA',
  country: 'NL',
};
const lines: PeppolOrderLine[] = [
  {
    lineNumber: 1,
    sku: 'MEEL-25',
    name: 'Tarwebloem 25 kg',
    quantity: 10,
    unitCode: 'C62',
    unitPrice: '12.50',
    amount: '125.00',
    vatRate: '21',
  },
  {
    lineNumber: 2,
    sku: 'DOOS-S',
    name: 'Taartdoos klein',
    quantity: 3,
    unitCode: 'XBX',
    unitPrice: '4.99',
    amount: '14.97',
    vatRate: '9',
  },
  {
    lineNumber: 3,
    sku: 'ADV-1',
    name: 'Advies',
    quantity: 2,
    unitCode: 'HUR',
    unitPrice: '7.25',
    amount: '14.50',
    vatRate: '0',
  },
];
const order: PeppolOrder = {
  id: 'PO-2026-0042',
  issueDate: '2026-03-15',
  currency: 'EUR',
  buyerReference: 'Inkoop Utrecht',
  contractId: 'RC-2026-MEEL',
  buyer,
  seller,
  deliveryAddress: {
    name: 'Filiaal Oost',
    street: 'Oosterstraat 5',
    city: 'Utrecht',
    postcode: '3581 AA',
    country: 'NL',
  },
  lines,
  lineExtensionTotal: '154.47',
  vatTotal: '27.60',
  payableTotal: '182.07',
  note: 'Leveren aan de achterdeur',
};

const with_ = (changes: Partial<PeppolOrder>): PeppolOrder => ({ ...order, ...changes });
const withLine = (index: number, changes: Partial<PeppolOrderLine>): PeppolOrder =>
  with_({ lines: order.lines.map((line, i) => (i === index ? { ...line, ...changes } : line)) });

/** Runs `fn`, expecting a DomainError; returns it for its reason and field. */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('peppolOrderXml: the document', () => {
  const xml = peppolOrderXml(order);
  const doc = parse(xml);
  const root = doc['Order'] as Xml;

  test('is UTF-8 XML with a declaration, pretty-printed', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Order')).toBe(true);
    expect(xml).toContain('\n  <cbc:CustomizationID>');
  });

  test('declares the UBL 2.1 Order, cac and cbc namespaces and no schema location', () => {
    expect(root['@xmlns']).toBe('urn:oasis:names:specification:ubl:schema:xsd:Order-2');
    expect(root['@xmlns:cac']).toBe('urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2');
    expect(root['@xmlns:cbc']).toBe('urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2');
    expect(xml).not.toContain('schemaLocation');
  });

  test('carries the Peppol Order 3 customization and, by default, the order-only profile', () => {
    expect(root['cbc:CustomizationID']).toBe('urn:fdc:peppol.eu:poacc:trns:order:3');
    expect(root['cbc:ProfileID']).toBe('urn:fdc:peppol.eu:poacc:bis:order_only:3');
    expect(root['cbc:UBLVersionID']).toBeUndefined();
  });

  test('uses the ordering profile when an order response is expected', () => {
    const ordering = parse(peppolOrderXml(with_({ expectsOrderResponse: true })))['Order'] as Xml;
    expect(ordering['cbc:ProfileID']).toBe('urn:fdc:peppol.eu:poacc:bis:ordering:3');
    const explicit = parse(peppolOrderXml(with_({ expectsOrderResponse: false })))['Order'] as Xml;
    expect(explicit['cbc:ProfileID']).toBe('urn:fdc:peppol.eu:poacc:bis:order_only:3');
  });

  test('header: id, issue date, purchase order type, note, currency, buyer reference, contract', () => {
    expect(root['cbc:ID']).toBe('PO-2026-0042');
    expect(root['cbc:IssueDate']).toBe('2026-03-15');
    expect(root['cbc:OrderTypeCode']).toBe('220');
    expect(root['cbc:Note']).toBe('Leveren aan de achterdeur');
    expect(root['cbc:DocumentCurrencyCode']).toBe('EUR');
    expect(root['cbc:CustomerReference']).toBe('Inkoop Utrecht');
    expect(root['cac:Contract']).toEqual({ 'cbc:ID': 'RC-2026-MEEL' });
  });

  test.each([
    ['cac:BuyerCustomerParty', buyer],
    ['cac:SellerSupplierParty', seller],
  ])('%s: endpoint, KvK identification, name, address, VAT and legal entity', (wrapper, p) => {
    const party = (root[wrapper] as Xml)['cac:Party'] as Xml;
    expect(party['cbc:EndpointID']).toEqual({ '#text': p.kvkNumber, '@schemeID': '0106' });
    expect(party['cac:PartyIdentification']).toEqual({ 'cbc:ID': { '#text': p.kvkNumber, '@schemeID': '0106' } });
    expect(party['cac:PartyName']).toEqual({ 'cbc:Name': p.name });
    expect(party['cac:PostalAddress']).toEqual({
      'cbc:StreetName': p.street,
      'cbc:CityName': p.city,
      'cbc:PostalZone': p.postcode,
      'cac:Country': { 'cbc:IdentificationCode': 'NL' },
    });
    expect(party['cac:PartyTaxScheme']).toEqual({ 'cbc:CompanyID': p.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } });
    expect(party['cac:PartyLegalEntity']).toEqual({
      'cbc:RegistrationName': p.name,
      'cbc:CompanyID': { '#text': p.kvkNumber, '@schemeID': '0106' },
    });
  });

  test('party children follow UBL 2.1 PartyType order', () => {
    const ordered = orderedParser.parse(xml) as Xml[];
    const orderNode = ordered.find((n) => 'Order' in n)!['Order'] as Xml[];
    const buyerNode = orderNode.find((n) => 'cac:BuyerCustomerParty' in n)!['cac:BuyerCustomerParty'] as Xml[];
    const partyNode = buyerNode[0]!['cac:Party'] as Xml[];
    expect(partyNode.map((n) => Object.keys(n).find((k) => k !== ':@'))).toEqual([
      'cbc:EndpointID',
      'cac:PartyIdentification',
      'cac:PartyName',
      'cac:PostalAddress',
      'cac:PartyTaxScheme',
      'cac:PartyLegalEntity',
    ]);
  });

  test('the endpoint scheme comes from the endpoint id, not the KvK number', () => {
    const other = parse(peppolOrderXml(with_({ seller: { ...seller, endpointId: '9944:NL987654321B01' } })));
    const party = other['Order']['cac:SellerSupplierParty']['cac:Party'] as Xml;
    expect(party['cbc:EndpointID']).toEqual({ '#text': 'NL987654321B01', '@schemeID': '9944' });
    expect(party['cac:PartyIdentification']['cbc:ID']).toEqual({ '#text': '87654321', '@schemeID': '0106' });
  });

  test('delivery: location address and the receiving party', () => {
    expect(root['cac:Delivery']).toEqual({
      'cac:DeliveryLocation': {
        'cac:Address': {
          'cbc:StreetName': 'Oosterstraat 5',
          'cbc:CityName': 'Utrecht',
          'cbc:PostalZone': '3581 AA',
          'cac:Country': { 'cbc:IdentificationCode': 'NL' },
        },
      },
      'cac:DeliveryParty': { 'cac:PartyName': { 'cbc:Name': 'Filiaal Oost' } },
    });
  });

  test('totals in euros: tax total, line extension, tax exclusive/inclusive and payable', () => {
    const eur = (text: string) => ({ '#text': text, '@currencyID': 'EUR' });
    expect(root['cac:TaxTotal']).toEqual({ 'cbc:TaxAmount': eur('27.60') });
    expect(root['cac:AnticipatedMonetaryTotal']).toEqual({
      'cbc:LineExtensionAmount': eur('154.47'),
      'cbc:TaxExclusiveAmount': eur('154.47'),
      'cbc:TaxInclusiveAmount': eur('182.07'),
      'cbc:PayableAmount': eur('182.07'),
    });
  });

  test('order lines: id, quantity with unit code, amount, price, item name, seller article number, tax category', () => {
    const orderLines = root['cac:OrderLine'] as Xml[];
    expect(orderLines).toHaveLength(3);
    expect(orderLines[0]).toEqual({
      'cac:LineItem': {
        'cbc:ID': '1',
        'cbc:Quantity': { '#text': '10', '@unitCode': 'C62' },
        'cbc:LineExtensionAmount': { '#text': '125.00', '@currencyID': 'EUR' },
        'cac:Price': { 'cbc:PriceAmount': { '#text': '12.50', '@currencyID': 'EUR' } },
        'cac:Item': {
          'cbc:Name': 'Tarwebloem 25 kg',
          'cac:SellersItemIdentification': { 'cbc:ID': 'MEEL-25' },
          'cac:ClassifiedTaxCategory': { 'cbc:ID': 'S', 'cbc:Percent': '21', 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
        },
      },
    });
    const item = (i: number) => orderLines[i]!['cac:LineItem'] as Xml;
    expect(item(1)['cbc:Quantity']).toEqual({ '#text': '3', '@unitCode': 'XBX' });
    expect(item(1)['cac:Item']['cac:ClassifiedTaxCategory']).toEqual({
      'cbc:ID': 'S',
      'cbc:Percent': '9',
      'cac:TaxScheme': { 'cbc:ID': 'VAT' },
    });
    expect(item(2)['cbc:Quantity']).toEqual({ '#text': '2', '@unitCode': 'HUR' });
    expect(item(2)['cac:Item']['cac:ClassifiedTaxCategory']).toEqual({
      'cbc:ID': 'Z',
      'cbc:Percent': '0',
      'cac:TaxScheme': { 'cbc:ID': 'VAT' },
    });
  });

  test('top-level elements in the order of UBL 2.1 OrderType', () => {
    const ordered = orderedParser.parse(xml) as Xml[];
    const orderNode = ordered.find((n) => 'Order' in n)!['Order'] as Xml[];
    const names = orderNode.map((n) => Object.keys(n).find((k) => k !== ':@'));
    expect(names).toEqual([
      'cbc:CustomizationID',
      'cbc:ProfileID',
      'cbc:ID',
      'cbc:IssueDate',
      'cbc:OrderTypeCode',
      'cbc:Note',
      'cbc:DocumentCurrencyCode',
      'cbc:CustomerReference',
      'cac:Contract',
      'cac:BuyerCustomerParty',
      'cac:SellerSupplierParty',
      'cac:Delivery',
      'cac:TaxTotal',
      'cac:AnticipatedMonetaryTotal',
      'cac:OrderLine',
      'cac:OrderLine',
      'cac:OrderLine',
    ]);
  });

  test('line item and item children in UBL 2.1 order', () => {
    const ordered = orderedParser.parse(xml) as Xml[];
    const orderNode = ordered.find((n) => 'Order' in n)!['Order'] as Xml[];
    const lineNode = orderNode.find((n) => 'cac:OrderLine' in n)!['cac:OrderLine'] as Xml[];
    const lineItem = lineNode[0]!['cac:LineItem'] as Xml[];
    const keys = (nodes: Xml[]) => nodes.map((n) => Object.keys(n).find((k) => k !== ':@'));
    expect(keys(lineItem)).toEqual(['cbc:ID', 'cbc:Quantity', 'cbc:LineExtensionAmount', 'cac:Price', 'cac:Item']);
    const item = lineItem.find((n) => 'cac:Item' in n)!['cac:Item'] as Xml[];
    expect(keys(item)).toEqual(['cbc:Name', 'cac:SellersItemIdentification', 'cac:ClassifiedTaxCategory']);
  });

  test('optional parts are left out, never written empty', () => {
    const bare: PeppolOrder = {
      id: 'PO-1',
      issueDate: '2026-01-02',
      buyer: { name: 'Koper', kvkNumber: '11111111', endpointId: '0106:11111111', country: 'NL' },
      seller: { name: 'Verkoper', kvkNumber: '22222222', vatNumber: null, endpointId: '0106:22222222', country: 'NL' },
      lines: [
        {
          lineNumber: 1,
          sku: 'A',
          name: 'Artikel',
          quantity: 1,
          unitCode: 'C62',
          unitPrice: '1.00',
          amount: '1.00',
          vatRate: '21',
        },
      ],
      lineExtensionTotal: '1.00',
      vatTotal: '0.21',
      payableTotal: '1.21',
      note: '   ',
      buyerReference: null,
      contractId: '',
    };
    const text = peppolOrderXml(bare);
    const r = parse(text)['Order'] as Xml;
    expect(r['cbc:DocumentCurrencyCode']).toBe('EUR');
    for (const absent of ['cbc:Note', 'cbc:CustomerReference', 'cac:Contract', 'cac:Delivery']) {
      expect(r[absent]).toBeUndefined();
    }
    const party = r['cac:BuyerCustomerParty']['cac:Party'] as Xml;
    expect(party['cac:PartyTaxScheme']).toBeUndefined();
    // The seller's postal address is mandatory in Peppol; the country alone fills it.
    expect(r['cac:SellerSupplierParty']['cac:Party']['cac:PostalAddress']).toEqual({
      'cac:Country': { 'cbc:IdentificationCode': 'NL' },
    });
    expect(text).not.toMatch(/<([\w:]+)[^>]*>\s*<\/\1>|<[\w:]+[^>]*\/>/);
  });

  test('fractional quantities and four-decimal unit prices are written exactly', () => {
    const xmlText = peppolOrderXml(
      with_({
        lines: [
          {
            lineNumber: 1,
            sku: 'S',
            name: 'Schroef',
            quantity: 1.5,
            unitCode: 'HUR',
            unitPrice: '0.0125',
            amount: '0.02',
            vatRate: '21',
          },
        ],
        lineExtensionTotal: '0.02',
        vatTotal: '0.00',
        payableTotal: '0.02',
      }),
    );
    const item = (parse(xmlText)['Order']['cac:OrderLine'] as Xml[])[0]!['cac:LineItem'] as Xml;
    expect(item['cbc:Quantity']).toEqual({ '#text': '1.5', '@unitCode': 'HUR' });
    expect(item['cac:Price']['cbc:PriceAmount']).toEqual({ '#text': '0.0125', '@currencyID': 'EUR' });
  });
});

describe('peppolOrderXml: text', () => {
  test('escapes &, < and > in names and reads them back unchanged', () => {
    const name = 'Schoon & Fris <B.V.>';
    const xml = peppolOrderXml(
      with_({ seller: { ...seller, name }, lines: [{ ...lines[0]!, name: 'Zeep & <spons>' }, lines[1]!, lines[2]!] }),
    );
    expect(xml).toContain('<cbc:Name>Schoon &amp; Fris &lt;B.V.&gt;</cbc:Name>');
    expect(xml).not.toContain('Schoon & Fris');
    const r = parse(xml)['Order'] as Xml;
    const party = r['cac:SellerSupplierParty']['cac:Party'] as Xml;
    expect(party['cac:PartyName']['cbc:Name']).toBe(name);
    expect(party['cac:PartyLegalEntity']['cbc:RegistrationName']).toBe(name);
    expect((r['cac:OrderLine'] as Xml[])[0]!['cac:LineItem']['cac:Item']['cbc:Name']).toBe('Zeep & <spons>');
  });

  test('keeps non-ASCII names as UTF-8 text', () => {
    const xml = peppolOrderXml(
      with_({
        buyer: { ...buyer, name: 'Café Özgür Şahin', city: "'s-Hertogenbosch" },
        note: 'Crème brûlée — 3 × per week',
      }),
    );
    expect(xml).toContain('<cbc:Name>Café Özgür Şahin</cbc:Name>');
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
    const r = parse(xml)['Order'] as Xml;
    expect(r['cac:BuyerCustomerParty']['cac:Party']['cac:PartyName']['cbc:Name']).toBe('Café Özgür Şahin');
    expect(r['cac:BuyerCustomerParty']['cac:Party']['cac:PostalAddress']['cbc:CityName']).toBe("'s-Hertogenbosch");
    expect(r['cbc:Note']).toBe('Crème brûlée — 3 × per week');
  });
});

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
