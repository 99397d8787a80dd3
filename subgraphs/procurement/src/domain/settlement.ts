import {
  DomainError,
  exact,
  formatAmount,
  max,
  sum,
  withinField,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { amountIn, idIn, MAX_LINE_QUANTITY, wholeIn } from './checks';
import {
  contractTierPriceOf,
  itemTierPrice,
  type ContractTierRule,
  type ItemTierRule,
  type TierBasis,
} from './pricing';

/**
 * Rebates at the end of a contract period (README rule 5). An order is priced at the tier the
 * sector had reached when it was placed; when later orders lifted the sector into a better tier,
 * the earlier orders earn the difference to the final tier's price. Nobody pays back: a line paid
 * below the final price (it cannot happen with volumes that only grow, but corrections exist)
 * earns nothing and owes nothing.
 */

export interface SettlementItem {
  itemId: string;
  listPrice: string;
  tiers: readonly ItemTierRule[];
  /** The sector's final quantity of the item over the whole period. */
  sectorQuantity: number;
}

export interface SettlementLineInput {
  orderId: string;
  memberId: string;
  itemId: string;
  quantity: number;
  /** The unit price paid, excl. VAT. */
  unitPrice: string;
  /**
   * The item's list price when the line was ordered (a list price may change in the period);
   * the final tier price is taken from it. Absent: the item's list price now.
   */
  listPrice?: string;
}

export interface SettlementInput {
  basis: TierBasis;
  contractTiers: readonly ContractTierRule[];
  items: readonly SettlementItem[];
  /** The sector's final amount at list price over the whole period. */
  sectorAmount: string;
  lines: readonly SettlementLineInput[];
}

export interface SettledLine {
  orderId: string;
  memberId: string;
  itemId: string;
  quantity: number;
  paid: string;
  finalUnitPrice: string;
  rebate: string;
}

export interface MemberRebate {
  memberId: string;
  rebate: string;
  lines: number;
}

export interface Settlement {
  members: MemberRebate[];
  lines: SettledLine[];
  total: string;
}

interface FinalPrices {
  /** The final unit price of `itemId` for a line ordered at `listPrice` (the item's now when absent). */
  of(itemId: string, listPrice: string | undefined, field: string): Exact | undefined;
}

/** The final unit price of every item: its tier at the period's final sector volume. */
function finalPrices(input: SettlementInput): FinalPrices {
  const items = new Map<string, SettlementItem & { at: string }>();
  const amount =
    input.basis === 'CONTRACT_AMOUNT'
      ? amountIn(input.sectorAmount, 'sectorAmount', 'The final sector amount', { cents: true })
      : ZERO;
  const known = new Map<string, Exact>();
  const priceOf = (item: SettlementItem, listPrice: string, at: string) => {
    const key = `${item.itemId} ${listPrice}`;
    const cached = known.get(key);
    if (cached) return cached;
    const price =
      input.basis === 'ITEM_QUANTITY'
        ? withinField(at, () => itemTierPrice(listPrice, item.tiers, item.sectorQuantity))
        : contractTierPriceOf(
            amountIn(listPrice, `${at}.listPrice`, 'The list price', { cents: true }),
            input.contractTiers,
            amount,
          );
    known.set(key, price.unitPrice);
    return price.unitPrice;
  };
  input.items.forEach((item, i) => {
    const at = `items[${i}]`;
    const itemId = idIn(item.itemId, `${at}.itemId`, 'The item');
    if (items.has(itemId)) {
      throw new DomainError('DUPLICATE_ITEM', `${at}.itemId`, `Item ${itemId} is listed twice; each item once.`);
    }
    items.set(itemId, { ...item, at });
    priceOf(item, item.listPrice, at);
  });
  return {
    of(itemId, listPrice, field) {
      const item = items.get(itemId);
      if (!item) return undefined;
      return listPrice === undefined ? priceOf(item, item.listPrice, item.at) : priceOf(item, listPrice, field);
    },
  };
}

/** Each line's rebate at the final tiers, the members' sums (sorted by memberId) and the total. */
export function settleRebates(input: SettlementInput): Settlement {
  if (input.basis !== 'ITEM_QUANTITY' && input.basis !== 'CONTRACT_AMOUNT') {
    throw new DomainError(
      'INVALID_BASIS',
      'basis',
      `The tier basis must be ITEM_QUANTITY or CONTRACT_AMOUNT; got ${String(input.basis)}.`,
    );
  }
  const prices = finalPrices(input);
  const members = new Map<string, { rebate: Exact; lines: number }>();

  const lines: SettledLine[] = input.lines.map((line, i) => {
    const at = `lines[${i}]`;
    const orderId = idIn(line.orderId, `${at}.orderId`, 'The order');
    const memberId = idIn(line.memberId, `${at}.memberId`, 'The member');
    const itemId = idIn(line.itemId, `${at}.itemId`, 'The item');
    const quantity = wholeIn(line.quantity, `${at}.quantity`, 'The quantity', 1, MAX_LINE_QUANTITY);
    const paid = amountIn(line.unitPrice, `${at}.unitPrice`, 'The unit price paid', { cents: true });
    const finalPrice = prices.of(itemId, line.listPrice, at);
    if (!finalPrice) {
      throw new DomainError(
        'UNKNOWN_ITEM',
        `${at}.itemId`,
        `Item ${itemId} of order ${orderId} is not among the contract's items.`,
      );
    }
    // No rounding needed: both prices are in cents and the quantity is whole, so the rebate is
    // exactly in cents.
    const rebate = max(ZERO, paid.minus(finalPrice)).times(quantity);
    const member = members.get(memberId) ?? { rebate: ZERO, lines: 0 };
    members.set(memberId, { rebate: member.rebate.plus(rebate), lines: member.lines + 1 });
    return {
      orderId,
      memberId,
      itemId,
      quantity,
      paid: formatAmount(paid),
      finalUnitPrice: formatAmount(finalPrice),
      rebate: formatAmount(rebate),
    };
  });

  return {
    // By code unit, not locale: the same order on every machine.
    members: [...members]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([memberId, member]) => ({ memberId, rebate: formatAmount(member.rebate), lines: member.lines })),
    lines,
    total: formatAmount(sum(lines.map((line) => exact(line.rebate)))),
  };
}
