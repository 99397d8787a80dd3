import { formatAmount, formatEuro, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { amountIn } from './checks';

/**
 * A member's purchasing rules (README rule 7): a yearly budget, and a threshold above which an
 * order needs an approver. Amounts are excl. VAT, as the order's total is; nothing is rounded
 * (every figure is in cents already).
 */

export type OverBudget = 'REFUSE' | 'APPROVAL';
export type BudgetOutcome = 'OK' | 'REFUSE' | 'NEEDS_APPROVAL';

export interface BudgetInput {
  /** null: the member keeps no budget. */
  yearlyBudget: string | null;
  /** The member's orders this calendar year so far (those that count against the budget). */
  spentThisYear: string;
  orderTotal: string;
  overBudget: OverBudget;
}

export interface BudgetCheck {
  within: boolean;
  /** Budget − spent before this order; negative when already overspent; null without a budget. */
  remaining: string | null;
  outcome: BudgetOutcome;
  message: string | null;
}

const euros = (x: Exact) => formatEuro(x, { grouping: true });

export function budgetCheck(input: BudgetInput): BudgetCheck {
  const spent = amountIn(input.spentThisYear, 'spentThisYear', 'The amount spent this year', { cents: true });
  const order = amountIn(input.orderTotal, 'orderTotal', 'The order total', { cents: true });
  if (input.yearlyBudget === null) return { within: true, remaining: null, outcome: 'OK', message: null };
  const budget = amountIn(input.yearlyBudget, 'yearlyBudget', 'The yearly budget', { cents: true });
  const remaining = budget.minus(spent);
  // Exactly the amount left still fits.
  if (order.lessThanOrEqualTo(remaining)) {
    return { within: true, remaining: formatAmount(remaining), outcome: 'OK', message: null };
  }
  const message = remaining.greaterThan(0)
    ? `This order (${euros(order)}) is more than the ${euros(remaining)} left of this year's budget of ${euros(budget)}.`
    : `This order (${euros(order)}) does not fit: this year's budget of ${euros(budget)} is used up (${euros(spent)} spent).`;
  return {
    within: false,
    remaining: formatAmount(remaining),
    outcome: input.overBudget === 'APPROVAL' ? 'NEEDS_APPROVAL' : 'REFUSE',
    message,
  };
}

/** Whether an order of `total` needs an approver: strictly above the threshold (at it, none is needed). */
export function needsApproval(total: string, threshold: string): boolean {
  const amount = amountIn(total, 'total', 'The order total', { cents: true });
  return amount.greaterThan(amountIn(threshold, 'threshold', 'The approval threshold', { cents: true }));
}
