import { askService, ConflictError, refusedBy, serviceOperation } from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';

/**
 * Questions to the members directory, which owns members: procurement keeps only their ids. The
 * caller's token goes along, so the members subgraph checks who asks. The answer's type is
 * written here by hand; `__tests__/members-directory.test.ts` checks the operation against the
 * members' committed SDL and that this type is what that SDL answers.
 */

export type PeppolBuyerQuery = {
  member: {
    id: string;
    name: string;
    kvkNumber: string;
    city: string;
  } | null;
};

export type PeppolBuyerVariables = {
  id: string;
};

const BUYER = serviceOperation<PeppolBuyerQuery, PeppolBuyerVariables>(/* GraphQL */ `
  query PeppolBuyer($id: ID!) {
    member(id: $id) {
      id
      name
      kvkNumber
      city
    }
  }
`);

export type Buyer = NonNullable<PeppolBuyerQuery['member']>;

/**
 * The member as the buyer of an order: name, KvK number and city from the members directory.
 * When the directory cannot be asked, or does not know the member, the caller gets an error
 * saying so (never a document without its buyer).
 */
export async function buyerOf(ctx: ProcurementContext, memberId: string): Promise<Buyer> {
  const body = await askService(ctx, 'members', {
    query: BUYER,
    variables: { id: memberId },
    label: 'members directory',
  });
  const error = body.errors[0];
  if (error) throw refusedBy('members', 'members directory', error);
  const member = body.data?.member;
  if (!member)
    throw new ConflictError(
      `The members directory has no member ${memberId}, so the order has no buyer to name; ask the association.`,
    );
  return member;
}

/** Every operation this client sends to the members directory (its test checks them against the members' SDL). */
export const MEMBERS_OPERATIONS = [BUYER];
