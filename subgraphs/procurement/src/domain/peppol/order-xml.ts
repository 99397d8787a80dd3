import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import {
  DomainError,
  exact,
  formatAmount,
  parseCalendarDate,
  roundCents,
  sum,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';

/*
 * A member's purchase order as a Peppol BIS Order 3 document: a UBL 2.1 `Order` with the Peppol
 * Order transaction 3.0 customization (T01). Pure: the order in, the XML text out, or a
 * DomainError naming the input that would make an invalid document. See README.md in this folder
 * for the identifiers, the unit codes and what the document leaves out.
 */

/** UBL 2.1 namespaces: the Order document, its aggregate (cac) and basic (cbc) components. */
export const UBL_ORDER_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2';
export const UBL_CAC_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
export const UBL_CBC_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

/** The Peppol Order transaction 3.0 (fixed value, rule PEPPOL-T01-B00201). */
export const PEPPOL_ORDER_CUSTOMIZATION_ID = 'urn:fdc:peppol.eu:poacc:trns:order:3';
/** Profile "Order only" (BIS 3): the order is the whole exchange; no order response comes back. */
export const PEPPOL_PROFILE_ORDER_ONLY = 'urn:fdc:peppol.eu:poacc:bis:order_only:3';
/** Profile "Ordering" (BIS 28): the seller answers the order with an Order Response. */
export const PEPPOL_PROFILE_ORDERING = 'urn:fdc:peppol.eu:poacc:bis:ordering:3';
/** UNCL1001 220: an ordinary purchase order (Peppol's default order type). */
const ORDER_TYPE_PURCHASE_ORDER = '220';
/** ISO 6523 ICD 0106: the Dutch Chamber of Commerce (KvK) number. */
export const ICD_KVK = '0106';

export interface PeppolParty {
  name: string;
  /** KvK number: exactly 8 digits. */
  kvkNumber: string;
  /** VAT number with its country prefix (`NL123456789B01`); omitted from the document when absent. */
  vatNumber?: string | null;
  /** Peppol participant id `scheme:value`, e.g. `0106:12345678` → EndpointID schemeID 0106, value 12345678. */
  endpointId: string;
  street?: string | null;
  city?: string | null;
  postcode?: string | null;
  /** ISO 3166-1 alpha-2 country code: `NL`. */
  country: string;
}

export interface PeppolDeliveryAddress {
  /** Who receives the goods (a location or department); becomes cac:DeliveryParty/cac:PartyName. */
  name?: string | null;
  street?: string | null;
  city?: string | null;
  postcode?: string | null;
  /** ISO 3166-1 alpha-2 country code: `NL`. */
  country: string;
}

export interface PeppolOrderLine {
  /** Line number, unique in the order (cac:LineItem/cbc:ID). */
  lineNumber: number;
  /** The supplier's article number (cac:SellersItemIdentification/cbc:ID). */
  sku: string;
  name: string;
  /** Ordered quantity, above zero. */
  quantity: number;
  /** UN/ECE recommendation 20 code, e.g. `C62` piece, `XBX` box, `XRO` roll, `HUR` hour, `KWH`, `MON`. See unitCodeOf. */
  unitCode: string;
  /** Net price for one unit: a decimal string with 2 to 4 decimals (`12.50`, `0.0125`). */
  unitPrice: string;
  /** Net line amount excluding VAT, 2 decimals: quantity × unitPrice rounded half up to cents. */
  amount: string;
  /** VAT rate in percent: '21' or '9' (category S, standard rated) or '0' (category Z, zero rated). */
  vatRate: string;
}

export interface PeppolOrder {
  /** The buyer's order number (cbc:ID). */
  id: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  currency?: 'EUR';
  /** The buyer's own reference (cost centre, person, project): cbc:CustomerReference, returned on the invoice as BuyerReference. */
  buyerReference?: string | null;
  /** The framework contract the order calls off: cac:Contract/cbc:ID. */
  contractId?: string | null;
  buyer: PeppolParty;
  seller: PeppolParty;
  deliveryAddress?: PeppolDeliveryAddress | null;
  lines: readonly PeppolOrderLine[];
  /** Σ line amounts, 2 decimals. */
  lineExtensionTotal: string;
  /** VAT on the order, 2 decimals. */
  vatTotal: string;
  /** lineExtensionTotal + vatTotal, 2 decimals. */
  payableTotal: string;
  note?: string | null;
  /**
   * Whether the seller is asked to answer with a Peppol Order Response. Default false: profile
   * "Order only" (`order_only:3`); true: profile "Ordering" (`ordering:3`). Only set it when the
   * platform can receive and process Order Responses for the seller's endpoint.
   */
  expectsOrderResponse?: boolean | null;
}

// ---- Validation ----

const MONEY = /^\d+\.\d{2}$/;
const UNIT_PRICE = /^\d+\.\d{2,4}$/;
const KVK = /^\d{8}$/;
const COUNTRY = /^[A-Z]{2}$/;
const ENDPOINT = /^(\d{4}):(\S+)$/;
/** A VAT number: ISO country prefix (Greece writes EL), then 2 to 13 letters or digits. */
const VAT_NUMBER = /^[A-Z]{2}[A-Z0-9]{2,13}$/;
const DUTCH_VAT_NUMBER = /^NL\d{9}B\d{2}$/;
/** UN/ECE rec 20 (with rec 21 `X…` package codes): 2 or 3 capitals or digits. */
const UNIT_CODE = /^[A-Z0-9]{2,3}$/;
/** Characters XML 1.0 does not allow in text (C0 controls other than tab, newline, carriage return; lone surrogates; U+FFFE/FFFF). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Rec 20 codes withdrawn in favour of rec 21 package codes; Peppol's code list refuses them. */
const WITHDRAWN_UNIT_CODES: Readonly<Record<string, string>> = { BX: 'XBX', RO: 'XRO', PK: 'XPK', PA: 'XPA' };

/** VAT rate → UNCL5305 category: S standard rated (21 %, 9 %), Z zero rated (0 %). */
const VAT_CATEGORY: Readonly<Record<string, 'S' | 'Z'>> = { '21': 'S', '9': 'S', '0': 'Z' };

function refuse(reason: string, field: string | null, message: string): never {
  throw new DomainError(reason, field, message);
}

function requireText(value: string, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') refuse('REQUIRED', field, `${what} is required.`);
  return checkText(value, field, what);
}

/** Optional text: absent, null or blank means "leave the element out" (Peppol forbids empty elements). */
function optionalText(value: string | null | undefined, field: string, what: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return checkText(value, field, what);
}

function checkText(value: string, field: string, what: string): string {
  if (XML_INVALID.test(value)) refuse('INVALID_TEXT', field, `${what} contains a character XML cannot carry.`);
  return value.trim();
}

function money(value: string, field: string, what: string): Exact {
  if (typeof value !== 'string' || !MONEY.test(value)) {
    refuse('INVALID_AMOUNT', field, `${what} must be a non-negative amount with two decimals, such as "12.50".`);
  }
  return exact(value);
}

function checkParty(party: PeppolParty, field: string, role: string): void {
  requireText(party.name, `${field}.name`, `The ${role}'s name`);
  if (typeof party.kvkNumber !== 'string' || !KVK.test(party.kvkNumber)) {
    refuse('INVALID_KVK_NUMBER', `${field}.kvkNumber`, `The ${role}'s KvK number must be exactly 8 digits.`);
  }
  const endpoint = ENDPOINT.exec(party.endpointId ?? '');
  if (!endpoint) {
    refuse(
      'INVALID_ENDPOINT_ID',
      `${field}.endpointId`,
      `The ${role}'s Peppol endpoint must read scheme:value, such as "0106:12345678".`,
    );
  }
  checkText(endpoint![2]!, `${field}.endpointId`, `The ${role}'s Peppol endpoint`);
  if (endpoint![1] === ICD_KVK && !KVK.test(endpoint![2]!)) {
    refuse('INVALID_ENDPOINT_ID', `${field}.endpointId`, `A KvK endpoint (scheme 0106) must be 8 digits.`);
  }
  const vat = optionalText(party.vatNumber, `${field}.vatNumber`, `The ${role}'s VAT number`);
  if (vat !== null && (!VAT_NUMBER.test(vat) || (vat.startsWith('NL') && !DUTCH_VAT_NUMBER.test(vat)))) {
    refuse(
      'INVALID_VAT_NUMBER',
      `${field}.vatNumber`,
      `The ${role}'s VAT number must start with its country code, such as "NL123456789B01".`,
    );
  }
  if (typeof party.country !== 'string' || !COUNTRY.test(party.country)) {
    refuse('INVALID_COUNTRY', `${field}.country`, `The ${role}'s country must be an ISO code such as "NL".`);
  }
  optionalText(party.street, `${field}.street`, `The ${role}'s street`);
  optionalText(party.city, `${field}.city`, `The ${role}'s city`);
  optionalText(party.postcode, `${field}.postcode`, `The ${role}'s postcode`);
}

interface CheckedLine {
  line: PeppolOrderLine;
  quantity: Exact;
  amount: Exact;
  category: 'S' | 'Z';
}

function checkLine(line: PeppolOrderLine, index: number, seen: Set<number>): CheckedLine {
  const field = `lines.${index}`;
  if (!Number.isSafeInteger(line.lineNumber) || line.lineNumber < 1) {
    refuse('INVALID_LINE_NUMBER', `${field}.lineNumber`, 'A line number must be a whole number from 1.');
  }
  if (seen.has(line.lineNumber)) {
    refuse('DUPLICATE_LINE_NUMBER', `${field}.lineNumber`, `Line number ${line.lineNumber} occurs twice.`);
  }
  seen.add(line.lineNumber);
  requireText(line.sku, `${field}.sku`, 'The article number');
  requireText(line.name, `${field}.name`, 'The article name');
  if (typeof line.quantity !== 'number' || !Number.isFinite(line.quantity) || line.quantity <= 0) {
    refuse('INVALID_QUANTITY', `${field}.quantity`, 'The quantity must be a number above zero.');
  }
  // A quantity is a count, not an amount: its shortest decimal text is its exact value.
  const quantity = exact(String(line.quantity));
  if (typeof line.unitCode !== 'string' || !UNIT_CODE.test(line.unitCode)) {
    refuse(
      'INVALID_UNIT_CODE',
      `${field}.unitCode`,
      'The unit must be a UN/ECE recommendation 20 code, such as "C62".',
    );
  }
  const replacement = WITHDRAWN_UNIT_CODES[line.unitCode];
  if (replacement) {
    refuse(
      'INVALID_UNIT_CODE',
      `${field}.unitCode`,
      `Unit code "${line.unitCode}" is no longer in UN/ECE recommendation 20; use "${replacement}".`,
    );
  }
  if (typeof line.unitPrice !== 'string' || !UNIT_PRICE.test(line.unitPrice)) {
    refuse(
      'INVALID_AMOUNT',
      `${field}.unitPrice`,
      'The unit price must be a non-negative amount with 2 to 4 decimals.',
    );
  }
  const amount = money(line.amount, `${field}.amount`, 'The line amount');
  const expected = roundCents(quantity.times(exact(line.unitPrice)));
  if (!amount.equals(expected)) {
    refuse(
      'LINE_AMOUNT_MISMATCH',
      `${field}.amount`,
      `Line ${line.lineNumber}: ${line.amount} is not quantity × unit price (${formatAmount(expected)}).`,
    );
  }
  const category = VAT_CATEGORY[line.vatRate];
  if (!category) refuse('INVALID_VAT_RATE', `${field}.vatRate`, 'The VAT rate must be 21, 9 or 0.');
  return { line, quantity, amount, category: category! };
}

/**
 * The VAT on the lines rounded in either of the two accepted ways: per rate (the sum of each
 * rate's base, times the rate, rounded once) or per line (each line's VAT rounded, then summed).
 */
function acceptedVatTotals(lines: readonly CheckedLine[]): Exact[] {
  const bases = new Map<string, Exact>();
  for (const { line, amount } of lines) bases.set(line.vatRate, (bases.get(line.vatRate) ?? ZERO).plus(amount));
  const perRate = sum([...bases].map(([rate, base]) => roundCents(base.times(rate).div(100))));
  const perLine = sum(lines.map(({ line, amount }) => roundCents(amount.times(line.vatRate).div(100))));
  return [perRate, perLine];
}

// ---- Building ----

const cbc = (parent: XMLBuilder, name: string, text: string, attributes?: Record<string, string>): XMLBuilder =>
  parent.ele(UBL_CBC_NS, `cbc:${name}`, attributes).txt(text);
const cac = (parent: XMLBuilder, name: string): XMLBuilder => parent.ele(UBL_CAC_NS, `cac:${name}`);

function address(
  parent: XMLBuilder,
  name: 'PostalAddress' | 'Address',
  from: { street?: string | null; city?: string | null; postcode?: string | null; country: string },
): void {
  const node = cac(parent, name);
  const street = optionalText(from.street, '', '');
  const city = optionalText(from.city, '', '');
  const postcode = optionalText(from.postcode, '', '');
  if (street !== null) cbc(node, 'StreetName', street);
  if (city !== null) cbc(node, 'CityName', city);
  if (postcode !== null) cbc(node, 'PostalZone', postcode);
  cbc(cac(node, 'Country'), 'IdentificationCode', from.country);
}

/** cac:Party in the element order of UBL 2.1's PartyType. */
function party(parent: XMLBuilder, wrapper: 'BuyerCustomerParty' | 'SellerSupplierParty', p: PeppolParty): void {
  const node = cac(cac(parent, wrapper), 'Party');
  const [, scheme, endpoint] = ENDPOINT.exec(p.endpointId)!;
  cbc(node, 'EndpointID', endpoint!, { schemeID: scheme! });
  cbc(cac(node, 'PartyIdentification'), 'ID', p.kvkNumber, { schemeID: ICD_KVK });
  const name = p.name.trim();
  cbc(cac(node, 'PartyName'), 'Name', name);
  address(node, 'PostalAddress', p);
  const vat = optionalText(p.vatNumber, '', '');
  if (vat !== null) {
    const taxScheme = cac(node, 'PartyTaxScheme');
    cbc(taxScheme, 'CompanyID', vat);
    cbc(cac(taxScheme, 'TaxScheme'), 'ID', 'VAT');
  }
  const legal = cac(node, 'PartyLegalEntity');
  cbc(legal, 'RegistrationName', name);
  cbc(legal, 'CompanyID', p.kvkNumber, { schemeID: ICD_KVK });
}

/**
 * The order as Peppol BIS Order 3 XML (UBL 2.1 Order): UTF-8, with declaration, pretty-printed.
 * Throws a DomainError when the order would not make a valid document: no lines, a KvK number
 * that is not 8 digits, an amount that is not a two-decimal string, totals that do not add up.
 */
export function peppolOrderXml(order: PeppolOrder): string {
  const id = requireText(order.id, 'id', 'The order number');
  if (typeof order.issueDate !== 'string' || parseCalendarDate(order.issueDate) === null) {
    refuse('INVALID_DATE', 'issueDate', 'The issue date must be a real date written YYYY-MM-DD.');
  }
  const currency = order.currency ?? 'EUR';
  if (currency !== 'EUR') refuse('INVALID_CURRENCY', 'currency', 'Orders are in euros (EUR).');
  const buyerReference = optionalText(order.buyerReference, 'buyerReference', 'The buyer reference');
  const contractId = optionalText(order.contractId, 'contractId', 'The contract id');
  const note = optionalText(order.note, 'note', 'The note');
  checkParty(order.buyer, 'buyer', 'buyer');
  checkParty(order.seller, 'seller', 'seller');
  const delivery = order.deliveryAddress ?? null;
  if (delivery !== null) {
    if (typeof delivery.country !== 'string' || !COUNTRY.test(delivery.country)) {
      refuse('INVALID_COUNTRY', 'deliveryAddress.country', 'The delivery country must be an ISO code such as "NL".');
    }
    optionalText(delivery.name, 'deliveryAddress.name', 'The delivery name');
    optionalText(delivery.street, 'deliveryAddress.street', 'The delivery street');
    optionalText(delivery.city, 'deliveryAddress.city', 'The delivery city');
    optionalText(delivery.postcode, 'deliveryAddress.postcode', 'The delivery postcode');
  }

  if (!Array.isArray(order.lines) || order.lines.length === 0) {
    refuse('NO_LINES', 'lines', 'An order needs at least one line.');
  }
  const seen = new Set<number>();
  const lines = order.lines.map((line, index) => checkLine(line, index, seen));

  const lineExtension = money(order.lineExtensionTotal, 'lineExtensionTotal', 'The line total');
  const vat = money(order.vatTotal, 'vatTotal', 'The VAT total');
  const payable = money(order.payableTotal, 'payableTotal', 'The payable total');
  const lineSum = sum(lines.map((l) => l.amount));
  if (!lineExtension.equals(lineSum)) {
    refuse(
      'TOTAL_MISMATCH',
      'lineExtensionTotal',
      `The line total ${order.lineExtensionTotal} is not the sum of the line amounts (${formatAmount(lineSum)}).`,
    );
  }
  const accepted = acceptedVatTotals(lines);
  if (!accepted.some((total) => total.equals(vat))) {
    refuse(
      'TOTAL_MISMATCH',
      'vatTotal',
      `The VAT total ${order.vatTotal} is not the VAT on the lines (${[...new Set(accepted.map((t) => formatAmount(t)))].join(' or ')}).`,
    );
  }
  if (!payable.equals(lineExtension.plus(vat))) {
    refuse(
      'TOTAL_MISMATCH',
      'payableTotal',
      `The payable total ${order.payableTotal} is not line total + VAT (${formatAmount(lineExtension.plus(vat))}).`,
    );
  }

  // Top-level elements in the sequence of UBL 2.1's OrderType; Peppol leaves out cbc:UBLVersionID.
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(UBL_ORDER_NS, 'Order', { 'xmlns:cac': UBL_CAC_NS, 'xmlns:cbc': UBL_CBC_NS });
  cbc(root, 'CustomizationID', PEPPOL_ORDER_CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', order.expectsOrderResponse ? PEPPOL_PROFILE_ORDERING : PEPPOL_PROFILE_ORDER_ONLY);
  cbc(root, 'ID', id);
  cbc(root, 'IssueDate', order.issueDate);
  cbc(root, 'OrderTypeCode', ORDER_TYPE_PURCHASE_ORDER);
  if (note !== null) cbc(root, 'Note', note);
  cbc(root, 'DocumentCurrencyCode', currency);
  if (buyerReference !== null) cbc(root, 'CustomerReference', buyerReference);
  if (contractId !== null) cbc(cac(root, 'Contract'), 'ID', contractId);
  party(root, 'BuyerCustomerParty', order.buyer);
  party(root, 'SellerSupplierParty', order.seller);
  if (delivery !== null) {
    const node = cac(root, 'Delivery');
    address(cac(node, 'DeliveryLocation'), 'Address', delivery);
    const deliveryName = optionalText(delivery.name, '', '');
    if (deliveryName !== null) cbc(cac(cac(node, 'DeliveryParty'), 'PartyName'), 'Name', deliveryName);
  }
  const amount = (parent: XMLBuilder, name: string, value: Exact) =>
    cbc(parent, name, formatAmount(value), { currencyID: currency });
  amount(cac(root, 'TaxTotal'), 'TaxAmount', vat);
  const totals = cac(root, 'AnticipatedMonetaryTotal');
  amount(totals, 'LineExtensionAmount', lineExtension);
  // No document-level allowances or charges: the amount without VAT is the line total.
  amount(totals, 'TaxExclusiveAmount', lineExtension);
  amount(totals, 'TaxInclusiveAmount', payable);
  amount(totals, 'PayableAmount', payable);

  for (const { line, quantity, amount: lineAmount, category } of lines) {
    const item = cac(cac(root, 'OrderLine'), 'LineItem');
    cbc(item, 'ID', String(line.lineNumber));
    cbc(item, 'Quantity', quantity.toFixed(), { unitCode: line.unitCode });
    amount(item, 'LineExtensionAmount', lineAmount);
    cbc(cac(item, 'Price'), 'PriceAmount', line.unitPrice, { currencyID: currency });
    const article = cac(item, 'Item');
    cbc(article, 'Name', line.name.trim());
    cbc(cac(article, 'SellersItemIdentification'), 'ID', line.sku.trim());
    const tax = cac(article, 'ClassifiedTaxCategory');
    cbc(tax, 'ID', category);
    cbc(tax, 'Percent', line.vatRate);
    cbc(cac(tax, 'TaxScheme'), 'ID', 'VAT');
  }

  return doc.end({ prettyPrint: true });
}

// ---- Units ----

/** Catalogue units (Dutch and English, singular and plural) → UN/ECE recommendation 20 codes. */
const UNIT_CODES: Readonly<Record<string, string>> = {
  // One piece ("one", C62): Peppol's usual code for counted articles.
  stuk: 'C62',
  stuks: 'C62',
  st: 'C62',
  piece: 'C62',
  pieces: 'C62',
  pc: 'C62',
  pcs: 'C62',
  each: 'C62',
  ea: 'C62',
  // Packaging: rec 21 codes with X, as rec 20 now lists them (BX, RO, PK were withdrawn).
  doos: 'XBX',
  dozen: 'XBX',
  box: 'XBX',
  boxes: 'XBX',
  rol: 'XRO',
  rollen: 'XRO',
  roll: 'XRO',
  rolls: 'XRO',
  pak: 'XPK',
  pakken: 'XPK',
  pack: 'XPK',
  packs: 'XPK',
  package: 'XPK',
  set: 'SET',
  sets: 'SET',
  // Time and energy.
  uur: 'HUR',
  uren: 'HUR',
  hour: 'HUR',
  hours: 'HUR',
  dag: 'DAY',
  dagen: 'DAY',
  day: 'DAY',
  days: 'DAY',
  maand: 'MON',
  maanden: 'MON',
  month: 'MON',
  months: 'MON',
  jaar: 'ANN',
  year: 'ANN',
  years: 'ANN',
  kwh: 'KWH',
  // Measures.
  liter: 'LTR',
  liters: 'LTR',
  litre: 'LTR',
  litres: 'LTR',
  l: 'LTR',
  kg: 'KGM',
  kilo: 'KGM',
  kilogram: 'KGM',
  m: 'MTR',
  meter: 'MTR',
  metre: 'MTR',
  m2: 'MTK',
  'm²': 'MTK',
  m3: 'MTQ',
  'm³': 'MTQ',
};

/** The UN/ECE rec 20 code for a catalogue unit ('stuk', 'box', 'uur', 'kWh', …); 'C62' (one) when unknown. */
export function unitCodeOf(unit: string): string {
  const key = (unit ?? '').trim().toLowerCase();
  return UNIT_CODES[key] ?? 'C62';
}
