import { DomainError } from '@samen-sterk/subgraph-runtime/pure';

/** A membership ends (field `memberUntil`) on or after the day it began. */
export function checkMembershipEnd(memberSince: Date, memberUntil: Date | null): void {
  if (memberUntil && memberUntil < memberSince) {
    throw new DomainError('MEMBERSHIP_ENDS_BEFORE_START', 'memberUntil', 'Membership cannot end before it began.');
  }
}
