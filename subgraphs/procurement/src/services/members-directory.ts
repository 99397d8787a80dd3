import {
  askService,
  BadUserInputError,
  ConflictError,
  quoted,
  refusedBy,
  serviceOperation,
} from '@samen-sterk/subgraph-runtime';
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

export type DeliveryShopQuery = {
  branch: {
    id: string;
    name: string;
    closedOn: string | null;
    address: {
      street: string;
      houseNumber: string;
      postcode: string;
      city: string;
    };
    member: {
      id: string;
    };
  } | null;
};

export type DeliveryShopVariables = {
  id: string;
};

const SHOP = serviceOperation<DeliveryShopQuery, DeliveryShopVariables>(/* GraphQL */ `
  query DeliveryShop($id: ID!) {
    branch(id: $id) {
      id
      name
      closedOn
      address {
        street
        houseNumber
        postcode
        city
      }
      member {
        id
      }
    }
  }
`);

export type Shop = NonNullable<DeliveryShopQuery['branch']>;

/**
 * The member's shop an order is delivered to, from the members directory. A shop of another
 * member and a made-up id are both BAD_USER_INPUT on `field` with the same message; with `openOn`,
 * a shop closed by then is refused too. When the directory cannot be asked, the error says so.
 */
export async function shopOf(
  ctx: ProcurementContext,
  memberId: string,
  branchId: string,
  field: string,
  openOn?: string,
): Promise<Shop> {
  const body = await askService(ctx, 'members', {
    query: SHOP,
    variables: { id: branchId },
    label: 'members directory',
  });
  const error = body.errors[0];
  const noSuchShop = ['NOT_FOUND', 'BAD_USER_INPUT'].includes(error?.extensions?.code ?? '');
  if (error && !noSuchShop) throw refusedBy('members', 'members directory', error);
  const shop = body.data?.branch;
  if (noSuchShop || !shop || shop.member.id !== memberId)
    throw new BadUserInputError(field, `There is no shop ${quoted(branchId)} of this member in the members directory.`);
  if (openOn && shop.closedOn !== null && shop.closedOn <= openOn)
    throw new BadUserInputError(field, `The shop "${shop.name}" closed on ${shop.closedOn}; choose an open shop.`);
  return shop;
}

/** Every operation this client sends to the members directory (its test checks them against the members' SDL). */
export const MEMBERS_OPERATIONS = [BUYER, SHOP];
