import { DomainError } from '@samen-sterk/subgraph-runtime/pure';

/** Longest house number with its addition ("12a-bis", "1 hs"). */
export const HOUSE_NUMBER_MAX_LENGTH = 20;

/** A shop closes (field `closedOn`) on or after the day it opened; no closing day: it is open. */
export function checkShopDates(openedOn: Date, closedOn: Date | null): void {
  if (closedOn && closedOn < openedOn) {
    throw new DomainError('SHOP_CLOSES_BEFORE_OPENING', 'closedOn', 'A shop cannot close before it opened.');
  }
}
