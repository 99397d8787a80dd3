import {
  addYears,
  exact,
  DomainError,
  formatAmount,
  formatCalendarDate,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { amountIn, decimalIn, vatRateIn, wholeIn, type VatRate } from './checks';
import type { TierBasis } from './pricing';

/**
 * The catalogue the association's procurement team maintains: suppliers' identifiers, a framework
 * contract's period, its items' prices and the tiers prices fall by (README rules 1–2 price with
 * them; these rules keep them sane before they are stored). Fields are named as they sit in the
 * contract's input (`items.3.tiers.1.unitPrice`); the service places them under `input`.
 */

// 300 items × (1 + 10 tiers) + 10 contract tiers stays within the gateway's request cost (10,000
// list entries), so a whole contract is one request; larger catalogues add items with addContractItem.
export const MAX_CONTRACT_ITEMS = 300;
export const MAX_ITEM_TIERS = 10;
export const MAX_CONTRACT_TIERS = 10;
/** A framework contract runs at most five years (the longest the association signs). */
export const MAX_CONTRACT_YEARS = 5;
/** The highest unit price a catalogue item may carry (a typing error above it), excl. VAT. */
export const MAX_UNIT_PRICE = '1000000.00';
/** The highest sector amount a contract tier may start from. */
export const MAX_TIER_AMOUNT = '1000000000.00';
/** The highest sector quantity an item tier may start from. */
export const MAX_TIER_QUANTITY = 1_000_000_000;

// --- Suppliers -----------------------------------------------------------------------------------

const VAT_NUMBER = /^NL\d{9}B\d{2}$/;

/** A Dutch VAT number (btw-identificatienummer): NL, nine digits, B, two digits; spaces and dots dropped. */
export function vatNumberIn(value: string, field = 'vatNumber'): string {
  const normalised = value.replace(/[\s.]/g, '').toUpperCase();
  if (!VAT_NUMBER.test(normalised))
    throw new DomainError(
      'INVALID_VAT_NUMBER',
      field,
      'A Dutch VAT number is NL, nine digits, B and two digits, such as NL861234501B01.',
    );
  return normalised;
}

/**
 * A Peppol participant id of a Dutch supplier: `0106:<KvK number>` (scheme 0106, the Chamber of
 * Commerce) or `9944:<VAT number>` (scheme 9944, the Dutch VAT number), of this supplier.
 */
export function peppolIdIn(value: string, supplier: { kvkNumber: string; vatNumber: string }, field = 'peppolId') {
  const normalised = value.replace(/\s/g, '').toUpperCase();
  const [scheme, id, ...rest] = normalised.split(':');
  if (rest.length === 0 && scheme === '0106' && id === supplier.kvkNumber) return normalised;
  if (rest.length === 0 && scheme === '9944' && id === supplier.vatNumber) return normalised;
  throw new DomainError(
    'INVALID_PEPPOL_ID',
    field,
    `The Peppol id is 0106:<KvK number> or 9944:<VAT number> of this supplier: 0106:${supplier.kvkNumber} or 9944:${supplier.vatNumber}.`,
  );
}

// --- The contract's period -----------------------------------------------------------------------

/** Ends after it starts, and runs at most MAX_CONTRACT_YEARS years. */
export function checkContractPeriod(validFrom: Date, validUntil: Date, field = 'validUntil'): void {
  if (validUntil <= validFrom)
    throw new DomainError(
      'INVALID_PERIOD',
      field,
      `The contract must end after it starts (${formatCalendarDate(validFrom)}); got ${formatCalendarDate(validUntil)}.`,
    );
  const latest = addYears(validFrom, MAX_CONTRACT_YEARS);
  if (validUntil > latest)
    throw new DomainError(
      'PERIOD_TOO_LONG',
      field,
      `A framework contract runs at most ${MAX_CONTRACT_YEARS} years: from ${formatCalendarDate(validFrom)} until ${formatCalendarDate(latest)} at the latest.`,
    );
}

// --- Prices and tiers ----------------------------------------------------------------------------

export interface ItemTierIn {
  fromQuantity: number;
  unitPrice: string;
}

export interface ContractTierIn {
  fromAmount: string;
  discountPercent: string;
}

export interface CatalogueItemIn {
  sku: string;
  vatRate: string;
  listPrice: string;
  tiers?: readonly ItemTierIn[] | null;
}

export interface CheckedItemPrices {
  vatRate: VatRate;
  listPrice: string;
  tiers: { fromQuantity: number; unitPrice: string }[];
}

/** A price in euros and cents, from 0 to MAX_UNIT_PRICE. */
function priceIn(value: string, field: string, what: string): Exact {
  const price = amountIn(value, field, what, { cents: true });
  if (price.greaterThan(MAX_UNIT_PRICE))
    throw new DomainError(
      'AMOUNT_TOO_LARGE',
      field,
      `${what} can be at most €${MAX_UNIT_PRICE}; got ${price.toFixed()}.`,
    );
  return price;
}

/** `field.name`, or `name` at the top of the rule's input. */
const at = (field: string, name: string | number) => (field ? `${field}.${name}` : String(name));

function tooMany(field: string, what: string, most: number, got: number): DomainError {
  return new DomainError('TOO_MANY', field, `${what}: at most ${most}; got ${got}.`);
}

/**
 * An item's tiers: in ascending order of sector quantity, each starting higher than the one
 * before (from 1: below the first tier list price applies), each price in cents, not above list
 * price and not above the price of a lower tier (a higher volume never costs more).
 */
export function checkItemTiers(list: Exact, tiers: readonly ItemTierIn[], field = 'tiers') {
  if (tiers.length > MAX_ITEM_TIERS) throw tooMany(field, 'Price tiers of one item', MAX_ITEM_TIERS, tiers.length);
  let previous: { fromQuantity: number; price: Exact } | null = null;
  return tiers.map((tier, i) => {
    const tierAt = at(field, i);
    const fromQuantity = wholeIn(
      tier.fromQuantity,
      `${tierAt}.fromQuantity`,
      'A tier’s starting quantity',
      1,
      MAX_TIER_QUANTITY,
    );
    const price = priceIn(tier.unitPrice, `${tierAt}.unitPrice`, 'A tier’s unit price');
    if (previous && fromQuantity <= previous.fromQuantity)
      throw new DomainError(
        'TIERS_NOT_ASCENDING',
        `${tierAt}.fromQuantity`,
        `Tiers go up in quantity: tier ${i + 1} starts at ${fromQuantity}, not above tier ${i} (${previous.fromQuantity}).`,
      );
    if (price.greaterThan(list))
      throw new DomainError(
        'TIER_ABOVE_LIST',
        `${tierAt}.unitPrice`,
        `A tier’s unit price is not above the list price (€${formatAmount(list)}); tier ${i + 1} has €${formatAmount(price)}.`,
      );
    if (previous && price.greaterThan(previous.price))
      throw new DomainError(
        'TIER_ABOVE_LOWER_TIER',
        `${tierAt}.unitPrice`,
        `A higher tier never costs more: tier ${i + 1} (€${formatAmount(price)}) is above tier ${i} (€${formatAmount(previous.price)}).`,
      );
    previous = { fromQuantity, price };
    return { fromQuantity, unitPrice: formatAmount(price) };
  });
}

/**
 * A contract's tiers: in ascending order of sector amount at list price, each starting higher
 * than the one before, each discount from 0 to 100 % with two decimals and not below a lower
 * tier's discount.
 */
export function checkContractTiers(tiers: readonly ContractTierIn[], field = 'contractTiers') {
  if (tiers.length > MAX_CONTRACT_TIERS)
    throw tooMany(field, 'Tiers of one contract', MAX_CONTRACT_TIERS, tiers.length);
  let previous: { from: Exact; discount: Exact } | null = null;
  return tiers.map((tier, i) => {
    const tierAt = at(field, i);
    const from = amountIn(tier.fromAmount, `${tierAt}.fromAmount`, 'A tier’s starting amount', { cents: true });
    if (from.greaterThan(MAX_TIER_AMOUNT))
      throw new DomainError(
        'AMOUNT_TOO_LARGE',
        `${tierAt}.fromAmount`,
        `A tier starts at most at €${MAX_TIER_AMOUNT}; got ${from.toFixed()}.`,
      );
    const discount = decimalIn(tier.discountPercent, `${tierAt}.discountPercent`, 'A tier’s discount');
    if (discount.isNegative() || discount.greaterThan(100) || discount.decimalPlaces() > 2)
      throw new DomainError(
        'INVALID_PERCENT',
        `${tierAt}.discountPercent`,
        `A tier’s discount is from 0 to 100 percent with at most two decimals; got ${discount.toFixed()}.`,
      );
    if (previous && from.lessThanOrEqualTo(previous.from))
      throw new DomainError(
        'TIERS_NOT_ASCENDING',
        `${tierAt}.fromAmount`,
        `Tiers go up in amount: tier ${i + 1} starts at €${formatAmount(from)}, not above tier ${i} (€${formatAmount(previous.from)}).`,
      );
    if (previous && discount.lessThan(previous.discount))
      throw new DomainError(
        'TIER_BELOW_LOWER_TIER',
        `${tierAt}.discountPercent`,
        `A higher tier never gives less discount: tier ${i + 1} (${discount.toFixed()} %) is below tier ${i} (${previous.discount.toFixed()} %).`,
      );
    previous = { from, discount };
    return { fromAmount: formatAmount(from), discountPercent: discount.toFixed(2) };
  });
}

/**
 * An item's VAT rate, list price and tiers. Item tiers belong to ITEM_QUANTITY contracts; a
 * CONTRACT_AMOUNT contract prices every item by its contract tiers, so item tiers there would be
 * ignored and are refused.
 */
export function checkItemPrices(item: CatalogueItemIn, basis: TierBasis, field: string): CheckedItemPrices {
  const vatRate = vatRateIn(item.vatRate, at(field, 'vatRate'));
  const list = priceIn(item.listPrice, at(field, 'listPrice'), 'The list price');
  const tiers = item.tiers ?? [];
  if (basis === 'CONTRACT_AMOUNT' && tiers.length > 0)
    throw new DomainError(
      'TIERS_NOT_USED',
      at(field, 'tiers'),
      'This contract’s tiers count its whole amount (CONTRACT_AMOUNT): its items have no tiers of their own.',
    );
  return { vatRate, listPrice: formatAmount(list), tiers: checkItemTiers(list, tiers, at(field, 'tiers')) };
}

/** The key a SKU is unique by within a contract: without surrounding spaces and case. */
export const skuKey = (sku: string) => sku.trim().toUpperCase();

export interface ContractCatalogueIn {
  tierBasis: TierBasis;
  contractTiers?: readonly ContractTierIn[] | null;
  items: readonly CatalogueItemIn[];
}

/**
 * A new contract's catalogue: one to MAX_CONTRACT_ITEMS items, SKUs unique in the contract, every
 * item's prices and tiers sane; contract tiers only where they count (CONTRACT_AMOUNT).
 */
export function checkCatalogue(input: ContractCatalogueIn) {
  const contractTiers = input.contractTiers ?? [];
  if (input.tierBasis === 'ITEM_QUANTITY' && contractTiers.length > 0)
    throw new DomainError(
      'TIERS_NOT_USED',
      'contractTiers',
      'This contract’s tiers are per item (ITEM_QUANTITY): give tiers on the items, not on the contract.',
    );
  if (input.items.length === 0) throw new DomainError('NO_ITEMS', 'items', 'A contract has at least one item.');
  if (input.items.length > MAX_CONTRACT_ITEMS)
    throw tooMany('items', 'Items of one contract', MAX_CONTRACT_ITEMS, input.items.length);
  const seen = new Map<string, number>();
  const items = input.items.map((item, i) => {
    const key = skuKey(item.sku);
    const first = seen.get(key);
    if (first !== undefined)
      throw new DomainError(
        'DUPLICATE_SKU',
        `items.${i}.sku`,
        `SKU ${JSON.stringify(item.sku.trim()).slice(0, 60)} is already item ${first + 1} of this contract; a SKU is unique in a contract.`,
      );
    seen.set(key, i);
    return checkItemPrices(item, input.tierBasis, `items.${i}`);
  });
  return { contractTiers: checkContractTiers(contractTiers), items };
}

// --- The contract's status -----------------------------------------------------------------------

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'ENDED';

/**
 * DRAFT (being prepared, not orderable) → ACTIVE (orderable within its period) → ENDED (for
 * good). A draft may be dropped (ENDED); an active contract goes back to DRAFT only while no order
 * rests on it; an ended contract stays ended: its orders and settlement rest on it.
 */
export function checkStatusChange(from: ContractStatus, to: ContractStatus, facts: { orders: number; items: number }) {
  if (from === to) return;
  if (from === 'ENDED')
    throw new DomainError(
      'CONTRACT_ENDED',
      'status',
      `The contract has ended; it cannot become ${to} again. Negotiate a new contract.`,
      'CONFLICT',
    );
  if (to === 'ACTIVE' && facts.items === 0)
    throw new DomainError('NO_ITEMS', 'status', 'A contract without items cannot be ordered from.', 'CONFLICT');
  if (from === 'ACTIVE' && to === 'DRAFT' && facts.orders > 0)
    throw new DomainError(
      'CONTRACT_ORDERED',
      'status',
      `Members already ordered under this contract (${facts.orders} orders); it can only end now.`,
      'CONFLICT',
    );
}

// --- Changes to a contract in use (README rule 9) ------------------------------------------------

/** What rests on a contract's period: its orders (their first and last order dates) and settlements. */
export interface PeriodFacts {
  orders: number;
  firstOrderOn: Date | null;
  lastOrderOn: Date | null;
  settlements: number;
}

/**
 * A new period for a contract in use: a sane period that still holds every order placed under it
 * (their prices and the sector's volume count within it), and none once a settlement rests on it.
 */
export function checkPeriodChange(validFrom: Date, validUntil: Date, facts: PeriodFacts): void {
  checkContractPeriod(validFrom, validUntil);
  if (facts.settlements > 0)
    throw new DomainError(
      'CONTRACT_SETTLED',
      'validUntil',
      'The contract’s period has been settled; its period stays as it was.',
      'CONFLICT',
    );
  if (facts.firstOrderOn && validFrom > facts.firstOrderOn)
    throw new DomainError(
      'ORDERS_OUTSIDE_PERIOD',
      'validFrom',
      `Members ordered under this contract from ${formatCalendarDate(facts.firstOrderOn)}; the period cannot start later than that.`,
      'CONFLICT',
    );
  if (facts.lastOrderOn && validUntil < facts.lastOrderOn)
    throw new DomainError(
      'ORDERS_OUTSIDE_PERIOD',
      'validUntil',
      `Members ordered under this contract until ${formatCalendarDate(facts.lastOrderOn)}; the period cannot end before that.`,
      'CONFLICT',
    );
}

/** A contract's category names its spend and the members' category budgets: fixed once ordered from. */
export function checkCategoryChange(facts: PeriodFacts): void {
  if (facts.orders > 0)
    throw new DomainError(
      'CONTRACT_ORDERED',
      'category',
      `Members already ordered under this contract (${facts.orders} orders), counted against their budgets for its category; the category cannot change now.`,
      'CONFLICT',
    );
}

/**
 * A new list price for an item: a price in cents, and never below one of the item's tiers (a tier
 * is a discount on the list; the tiers themselves are fixed once ordered, so lower them first while
 * nobody has ordered). Orders placed keep the list price they had.
 */
export function checkListPriceChange(listPrice: string, tiers: readonly ItemTierIn[], field = 'listPrice'): string {
  const list = priceIn(listPrice, field, 'The list price');
  const above = tiers.find((tier) => exact(tier.unitPrice).greaterThan(list));
  if (above)
    throw new DomainError(
      'TIER_ABOVE_LIST',
      field,
      `The list price cannot fall below the tier price €${formatAmount(exact(above.unitPrice))} (from ${above.fromQuantity} units); got €${formatAmount(list)}.`,
    );
  return formatAmount(list);
}
