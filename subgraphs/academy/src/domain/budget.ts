import { DomainError, exact, type Exact, formatAmount, formatEuro, ZERO } from '@samen-sterk/subgraph-runtime/pure';
import { decimalIn, priceIn } from './checks';
import type { EnrolmentStatus } from './enrolment';

/**
 * A member's yearly training budget from the sector's social fund (README rule 11). The fund
 * grants an amount per member per calendar year; enrolling in a fundable course reserves its
 * price, cancellation (or a no-show) releases it, completion spends it. What is neither reserved
 * nor spent is available. Amounts are euros and cents as decimal strings; every figure is in
 * cents and is only added and subtracted, so nothing is ever rounded.
 */

export interface BudgetState {
  granted: string;
  reserved: string;
  spent: string;
}

export type MovementKind = 'RESERVE' | 'RELEASE' | 'SPEND';
export interface Movement {
  kind: MovementKind;
  amount: string;
}

/** Who pays for an enrolment: the fund (reserved on the budget), the member itself, or nobody (a free course). */
export type Funding = 'FUND' | 'MEMBER' | 'FREE';

interface Figures {
  granted: Exact;
  reserved: Exact;
  spent: Exact;
}

const euros = (x: Exact) => formatEuro(x, { grouping: true });
const inconsistent = (message: string) => new DomainError('BUDGET_INCONSISTENT', null, message, 'CONFLICT');

function figuresOf(state: BudgetState): Figures {
  return {
    granted: decimalIn(state.granted, 'granted', 'The granted budget', { cents: true }),
    reserved: decimalIn(state.reserved, 'reserved', 'The reserved amount', { cents: true }),
    spent: decimalIn(state.spent, 'spent', 'The spent amount', { cents: true }),
  };
}

const stateOf = (f: Figures): BudgetState => ({
  granted: formatAmount(f.granted),
  reserved: formatAmount(f.reserved),
  spent: formatAmount(f.spent),
});

/** Granted − reserved − spent: what a new enrolment may still reserve. */
export function available(state: BudgetState): string {
  const f = figuresOf(state);
  return formatAmount(f.granted.minus(f.reserved).minus(f.spent));
}

export interface FundingDecision {
  funding: Funding;
  /** The amount reserved on the budget ("0.00" unless the fund pays); stored on the enrolment. */
  reservedAmount: string;
  movement: Movement | null;
  /** The budget after the reservation; unchanged when nothing is reserved; null without a budget. */
  after: BudgetState | null;
}

/**
 * Who pays for a new enrolment. A free course: nobody. A course the fund does not pay for: the
 * member. A fundable course: the fund, reserving the whole price, when it fits in what is
 * available (exactly what is left fits); when it does not (or the member has no budget this
 * year), the enrolment is refused unless the member pays itself. The fund pays all or nothing:
 * never part of a price.
 */
export function decideFunding(input: {
  budget: BudgetState | null;
  price: string;
  fundable: boolean;
  memberPays: boolean;
  courseTitle?: string;
}): FundingDecision {
  const price = priceIn(input.price);
  const after = input.budget;
  if (price.isZero()) return { funding: 'FREE', reservedAmount: '0.00', movement: null, after };
  if (!input.fundable) return { funding: 'MEMBER', reservedAmount: '0.00', movement: null, after };
  const f = input.budget ? figuresOf(input.budget) : null;
  const left = f ? f.granted.minus(f.reserved).minus(f.spent) : ZERO;
  if (f && price.lessThanOrEqualTo(left)) {
    const movement: Movement = { kind: 'RESERVE', amount: formatAmount(price) };
    return {
      funding: 'FUND',
      reservedAmount: movement.amount,
      movement,
      after: stateOf({ ...f, reserved: f.reserved.plus(price) }),
    };
  }
  if (input.memberPays) return { funding: 'MEMBER', reservedAmount: '0.00', movement: null, after };
  const course = input.courseTitle ? `${input.courseTitle} (${euros(price)})` : `This course (${euros(price)})`;
  const message = !f
    ? `${course} is paid from the training budget, and your organisation has no training budget this year.`
    : left.greaterThan(0)
      ? `${course} costs more than the ${euros(left)} left of this year's training budget of ${euros(f.granted)}.`
      : `${course} does not fit: this year's training budget of ${euros(f.granted)} is used up.`;
  throw new DomainError(
    'BUDGET_EXHAUSTED',
    'memberPays',
    `${message} Your organisation can enrol and pay for it itself.`,
    'CONFLICT',
  );
}

/** The budget movement an enrolment's move causes: completion spends, cancellation and a no-show release. */
export function movementFor(to: EnrolmentStatus, reservedAmount: string): Movement | null {
  const amount = decimalIn(reservedAmount, 'reservedAmount', 'The reserved amount', { cents: true });
  if (amount.isZero()) return null;
  if (to === 'COMPLETED') return { kind: 'SPEND', amount: formatAmount(amount) };
  if (to === 'CANCELLED' || to === 'NO_SHOW') return { kind: 'RELEASE', amount: formatAmount(amount) };
  return null;
}

/**
 * A movement applied to a budget. RESERVE needs the amount available; RELEASE and SPEND need it
 * reserved (they only ever move an enrolment's own reservation). Refused, CONFLICT, otherwise:
 * the budget never goes below zero and never reserves what it does not have.
 */
export function applyMovement(state: BudgetState, movement: Movement): BudgetState {
  const f = figuresOf(state);
  const amount = decimalIn(movement.amount, 'amount', 'The amount', { cents: true });
  switch (movement.kind) {
    case 'RESERVE':
      if (amount.greaterThan(f.granted.minus(f.reserved).minus(f.spent))) {
        throw inconsistent(`Reserving ${euros(amount)} would overdraw the training budget.`);
      }
      return stateOf({ ...f, reserved: f.reserved.plus(amount) });
    case 'RELEASE':
    case 'SPEND':
      if (amount.greaterThan(f.reserved)) {
        throw inconsistent(`Only ${euros(f.reserved)} is reserved; ${euros(amount)} cannot be released or spent.`);
      }
      return stateOf({
        ...f,
        reserved: f.reserved.minus(amount),
        spent: movement.kind === 'SPEND' ? f.spent.plus(amount) : f.spent,
      });
    default:
      throw new DomainError('INVALID_MOVEMENT', 'kind', 'A budget movement reserves, releases or spends.');
  }
}

/** A budget from its grant and its movements in order (what the service stores). */
export const budgetFrom = (granted: string, movements: readonly Movement[]): BudgetState =>
  movements.reduce(applyMovement, { granted, reserved: '0.00', spent: '0.00' });

/**
 * A new grant for a year already in use: never below what is reserved and spent (the fund
 * cannot take back money already promised to enrolments).
 */
export function checkGrant(granted: string, state: BudgetState | null): string {
  const amount = decimalIn(granted, 'granted', 'The training budget', { cents: true });
  if (amount.greaterThan(exact('10000000.00'))) {
    throw new DomainError('AMOUNT_TOO_LARGE', 'granted', 'A training budget can be at most €10,000,000.00.');
  }
  if (state) {
    const f = figuresOf(state);
    const committed = f.reserved.plus(f.spent);
    if (amount.lessThan(committed)) {
      throw new DomainError(
        'GRANT_BELOW_COMMITTED',
        'granted',
        `The budget cannot be lowered to ${euros(amount)}: ${euros(committed)} is already reserved or spent.`,
        'CONFLICT',
      );
    }
  }
  return formatAmount(amount);
}
