import {
  DomainError,
  exact,
  formatAmount,
  HUNDRED,
  min,
  roundCents,
  sum,
  withinField,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { amountIn, idIn, MAX_LINE_QUANTITY, percentIn, vatRateIn, wholeIn, type VatRate } from './checks';

/**
 * Prices of a framework contract whose tiers are reached by the WHOLE SECTOR's volume in the
 * contract period (see README.md, rules 1–4). A tier's price is never above list price, and a
 * later tier never raises the price a lower tier already gave: the price at a volume is the lowest
 * of the list price and the prices of every tier reached.
 */

export type TierBasis = 'ITEM_QUANTITY' | 'CONTRACT_AMOUNT';

/** From this cumulative sector quantity of the item in the contract period: this unit price excl. VAT. */
export interface ItemTierRule {
  fromQuantity: number;
  unitPrice: string;
}

/** From this cumulative sector amount at list price (whole contract): this percentage off list price. */
export interface ContractTierRule {
  fromAmount: string;
  discountPercent: string;
}

export interface TierPrice {
  unitPrice: Exact;
  /** Index into the tiers sorted ascending: the highest tier reached; null when none is reached. */
  tierIndex: number | null;
  /** The first tier above the volume that lowers the price, and how much volume is still needed. */
  next: { from: string; unitPrice: Exact; remaining: string } | null;
}

/** A tier as the pricing walks it: where it starts and its unit price, capped at list price. */
interface Step {
  from: Exact;
  price: Exact;
}

/** Tiers sorted ascending by where they start; equal starts keep their given order. */
function ascending<T extends { from: Exact }>(steps: T[]): T[] {
  return steps.sort((a, b) => a.from.comparedTo(b.from));
}

function itemSteps(list: Exact, tiers: readonly ItemTierRule[], field: string): Step[] {
  return ascending(
    tiers.map((tier, i) => ({
      from: exact(wholeIn(tier.fromQuantity, `${field}[${i}].fromQuantity`, 'A tier’s starting quantity', 0)),
      // A tier never makes the price higher than list: the lower of the two.
      price: min(list, amountIn(tier.unitPrice, `${field}[${i}].unitPrice`, 'A tier’s unit price', { cents: true })),
    })),
  );
}

function contractSteps(list: Exact, tiers: readonly ContractTierRule[], field: string): Step[] {
  return ascending(
    tiers.map((tier, i) => {
      const discount = percentIn(tier.discountPercent, `${field}[${i}].discountPercent`, 'A tier’s discount');
      // Rounding: the discounted unit price, half up to cents (list × (100 − discount) / 100); a
      // price list is in cents, and every line amount is then quantity × this price, exactly.
      const price = roundCents(list.times(HUNDRED.minus(discount)).div(HUNDRED));
      const from = amountIn(tier.fromAmount, `${field}[${i}].fromAmount`, 'A tier’s starting amount', { cents: true });
      return { from, price: min(list, price) };
    }),
  );
}

/** The price at `volume` on tiers sorted ascending; `show` writes a volume (a quantity or an amount). */
function priceAt(list: Exact, steps: readonly Step[], volume: Exact, show: (x: Exact) => string): TierPrice {
  let unitPrice = list;
  let tierIndex: number | null = null;
  let i = 0;
  for (; i < steps.length && steps[i]!.from.lessThanOrEqualTo(volume); i++) {
    unitPrice = min(unitPrice, steps[i]!.price);
    tierIndex = i;
  }
  for (; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.price.lessThan(unitPrice)) {
      return {
        unitPrice,
        tierIndex,
        next: { from: show(step.from), unitPrice: step.price, remaining: show(step.from.minus(volume)) },
      };
    }
  }
  return { unitPrice, tierIndex, next: null };
}

const showQuantity = (x: Exact) => x.toFixed(0);
const showAmount = (x: Exact) => formatAmount(x);

/** `contractTierPrice` on checked figures, naming the tiers `field` in errors (for priceOrder and settlement). */
export function contractTierPriceOf(
  list: Exact,
  tiers: readonly ContractTierRule[],
  amount: Exact,
  field = 'contractTiers',
): TierPrice {
  return priceAt(list, contractSteps(list, tiers, field), amount, showAmount);
}

/** An item's unit price when the sector has ordered `sectorQuantity` of it in the contract period. */
export function itemTierPrice(listPrice: string, tiers: readonly ItemTierRule[], sectorQuantity: number): TierPrice {
  const list = amountIn(listPrice, 'listPrice', 'The list price', { cents: true });
  const quantity = wholeIn(sectorQuantity, 'sectorQuantity', 'The sector quantity', 0);
  return priceAt(list, itemSteps(list, tiers, 'tiers'), exact(quantity), showQuantity);
}

/** An item's unit price when the sector has ordered `sectorAmount` (at list price) under the contract. */
export function contractTierPrice(
  listPrice: string,
  tiers: readonly ContractTierRule[],
  sectorAmount: Exact | string,
): TierPrice {
  const list = amountIn(listPrice, 'listPrice', 'The list price', { cents: true });
  const amount = amountIn(sectorAmount, 'sectorAmount', 'The sector amount');
  return contractTierPriceOf(list, tiers, amount, 'tiers');
}

export interface PriceOrderLineInput {
  itemId: string;
  quantity: number;
  listPrice: string;
  /** '21' | '9' | '0' */
  vatRate: string;
  tiers: readonly ItemTierRule[];
  sectorQuantityBefore: number;
}

export interface PriceOrderInput {
  basis: TierBasis;
  contractTiers: readonly ContractTierRule[];
  sectorAmountBefore: string;
  lines: readonly PriceOrderLineInput[];
}

export interface PricedLine {
  itemId: string;
  quantity: number;
  listPrice: string;
  unitPrice: string;
  amount: string;
  vatRate: string;
  tierIndex: number | null;
}

export interface VatSubtotal {
  rate: string;
  base: string;
  amount: string;
}

export interface PricedOrder {
  lines: PricedLine[];
  total: string;
  listTotal: string;
  savings: string;
  vat: VatSubtotal[];
  vatTotal: string;
  sectorAfter: { items: { itemId: string; quantity: number }[]; amount: string };
}

interface CheckedLine {
  itemId: string;
  quantity: number;
  list: Exact;
  vatRate: VatRate;
  tiers: readonly ItemTierRule[];
  before: number;
}

function checkLine(line: PriceOrderLineInput, i: number): CheckedLine {
  const at = `lines[${i}]`;
  return {
    itemId: idIn(line.itemId, `${at}.itemId`, 'The item'),
    quantity: wholeIn(line.quantity, `${at}.quantity`, 'The quantity', 1, MAX_LINE_QUANTITY),
    list: amountIn(line.listPrice, `${at}.listPrice`, 'The list price', { cents: true }),
    vatRate: vatRateIn(line.vatRate, `${at}.vatRate`),
    tiers: line.tiers,
    before: wholeIn(line.sectorQuantityBefore, `${at}.sectorQuantityBefore`, 'The sector quantity before the order', 0),
  };
}

/**
 * Prices an order at the tier the sector reaches INCLUDING this order (README rule 3): per item
 * (ITEM_QUANTITY, every line of an item priced at the item's volume after all its lines) or for
 * the contract (CONTRACT_AMOUNT, the amount at list price after the whole order). VAT per rate on
 * the sum of that rate's line amounts (rule 4).
 */
export function priceOrder(input: PriceOrderInput): PricedOrder {
  if (input.basis !== 'ITEM_QUANTITY' && input.basis !== 'CONTRACT_AMOUNT') {
    throw new DomainError(
      'INVALID_BASIS',
      'basis',
      `The tier basis must be ITEM_QUANTITY or CONTRACT_AMOUNT; got ${String(input.basis)}.`,
    );
  }
  if (input.lines.length === 0) throw new DomainError('NO_LINES', 'lines', 'An order needs at least one line.');
  const amountBefore = amountIn(input.sectorAmountBefore, 'sectorAmountBefore', 'The sector amount before the order', {
    cents: true,
  });
  const lines = input.lines.map(checkLine);

  // The items' volumes after this order: every line of an item counts towards it.
  const items = new Map<string, { before: number; after: number; list: Exact; first: number }>();
  lines.forEach((line, i) => {
    const item = items.get(line.itemId);
    if (!item) {
      items.set(line.itemId, { before: line.before, after: line.before + line.quantity, list: line.list, first: i });
      return;
    }
    if (item.before !== line.before || !item.list.equals(line.list)) {
      throw new DomainError(
        'INCONSISTENT_ITEM',
        `lines[${i}]`,
        `Item ${line.itemId} is on lines ${item.first} and ${i} with a different list price or sector quantity; one item has one of each.`,
      );
    }
    item.after += line.quantity;
  });
  const listAmounts = lines.map((line) => line.list.times(line.quantity));
  const listTotal = sum(listAmounts);
  const amountAfter = amountBefore.plus(listTotal);

  const priced: PricedLine[] = lines.map((line, i) => {
    const price =
      input.basis === 'ITEM_QUANTITY'
        ? withinField(`lines[${i}]`, () =>
            itemTierPrice(line.list.toFixed(2), line.tiers, items.get(line.itemId)!.after),
          )
        : contractTierPriceOf(line.list, input.contractTiers, amountAfter);
    return {
      itemId: line.itemId,
      quantity: line.quantity,
      listPrice: formatAmount(line.list),
      unitPrice: formatAmount(price.unitPrice),
      // Exact: a whole quantity times a price in cents is in cents; no rounding.
      amount: formatAmount(price.unitPrice.times(line.quantity)),
      vatRate: line.vatRate,
      tierIndex: price.tierIndex,
    };
  });

  const total = sum(priced.map((line) => exact(line.amount)));
  const vat = vatSubtotals(priced);
  return {
    lines: priced,
    total: formatAmount(total),
    listTotal: formatAmount(listTotal),
    savings: formatAmount(listTotal.minus(total)),
    vat,
    vatTotal: formatAmount(sum(vat.map((v) => exact(v.amount)))),
    sectorAfter: {
      items: [...items].map(([itemId, item]) => ({ itemId, quantity: item.after })),
      amount: formatAmount(amountAfter),
    },
  };
}

/**
 * One VAT subtotal per rate, highest rate first: the base is the sum of that rate's line amounts,
 * the VAT is base × rate / 100. A UBL/Peppol invoice carries VAT the same way (one TaxSubtotal per
 * VAT category and rate), so the order's VAT equals the invoice's rather than a sum of per-line
 * roundings, which could differ from it by a cent per line.
 */
function vatSubtotals(lines: readonly PricedLine[]): VatSubtotal[] {
  const bases = new Map<string, Exact>();
  for (const line of lines) bases.set(line.vatRate, (bases.get(line.vatRate) ?? ZERO).plus(line.amount));
  return [...bases]
    .sort(([a], [b]) => exact(b).comparedTo(exact(a)))
    .map(([rate, base]) => ({
      rate,
      base: formatAmount(base),
      // Rounding: the VAT of each rate, half up to cents, once per rate (not per line).
      amount: formatAmount(roundCents(base.times(rate).div(HUNDRED))),
    }));
}
