import { peppolOrderXml, type PeppolOrder } from '../order-xml';
import { buyer, lines, order, orderedParser, parse, seller, with_, type Xml } from './order-xml-fixtures';

/*
 * The Peppol BIS Order 3 export, the document it writes: read back with fast-xml-parser and
 * checked against the Peppol Order transaction 3.0 rules (PEPPOL-T01-…) and UBL 2.1's OrderType
 * sequence (header, parties, delivery, totals, lines, optional parts, exact figures), and its text
 * (escaping, UTF-8). The example order and its worked amounts: order-xml-fixtures.ts.
 */

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
