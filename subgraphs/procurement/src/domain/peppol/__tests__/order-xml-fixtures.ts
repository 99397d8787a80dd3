import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import type { PeppolOrder, PeppolOrderLine, PeppolParty } from '../order-xml';

/*
 * What the Peppol BIS Order 3 export's tests share (order-xml-*.test.ts): fast-xml-parser set up to
 * read the document back (namespace prefixes kept; one keeping the elements' order), and a worked
 * example order. Amounts in the example are worked by hand:
 *   line 1: 10 × 12.50 = 125.00 at 21 %  → VAT 26.25
 *   line 2:  3 ×  4.99 =  14.97 at 9 %   → VAT  1.3473 → 1.35
 *   line 3:  2 ×  7.25 =  14.50 at 0 %   → VAT  0.00
 *   lines 154.47, VAT 27.60, payable 182.07.
 */

export type Xml = Record<string, any>;

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: false,
  isArray: (name) => name === 'cac:OrderLine',
});
export const parse = (xml: string): Xml => parser.parse(xml) as Xml;
export const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false });

export const buyer: PeppolParty = {
  name: 'Bakkerij De Gouden Korst',
  kvkNumber: '12345678',
  vatNumber: 'NL123456789B01',
  endpointId: '0106:12345678',
  street: 'Dorpsstraat 1',
  city: 'Utrecht',
  postcode: '3511 AB',
  country: 'NL',
};
export const seller: PeppolParty = {
  name: 'Groothandel Meel B.V.',
  kvkNumber: '87654321',
  vatNumber: 'NL987654321B01',
  endpointId: '0106:87654321',
  street: 'Industrieweg 12',
  city: 'Zwolle',
  postcode: '8011 AA',
  country: 'NL',
};
export const lines: PeppolOrderLine[] = [
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
export const order: PeppolOrder = {
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

export const with_ = (changes: Partial<PeppolOrder>): PeppolOrder => ({ ...order, ...changes });
export const withLine = (index: number, changes: Partial<PeppolOrderLine>): PeppolOrder =>
  with_({ lines: order.lines.map((line, i) => (i === index ? { ...line, ...changes } : line)) });

/** Runs `fn`, expecting a DomainError; returns it for its reason and field. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}
