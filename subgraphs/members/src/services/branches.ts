import { withinField } from '@samen-sterk/subgraph-runtime';
import type { MembersContext } from '../builder';
import { ensureMemberExists, findManagedBranch, type Selection } from '../data/finders';
import { checkShopDates, HOUSE_NUMBER_MAX_LENGTH } from '../domain/shops';
import type { Branch, Prisma } from '../generated/prisma/client';
import * as check from './input';

/** A member's shops, kept by the association and by the member's own admins. */

type BranchSelection = Selection<Prisma.BranchInclude, Prisma.BranchSelect>;

export type NewBranch = Pick<Branch, 'memberId' | 'name' | 'street' | 'houseNumber' | 'postcode' | 'city' | 'openedOn'>;

/** Adds a shop; the caller's right to (`managesBranchesOf`) is the field's scope. */
export function addBranch(ctx: MembersContext, input: NewBranch, query: BranchSelection) {
  const data = {
    memberId: input.memberId,
    name: check.requiredText(input.name, 'input.name', 'The name'),
    street: check.requiredText(input.street, 'input.street', 'The street'),
    houseNumber: check.requiredText(
      input.houseNumber,
      'input.houseNumber',
      'The house number',
      HOUSE_NUMBER_MAX_LENGTH,
    ),
    postcode: check.postcode(input.postcode, 'input.postcode'),
    city: check.requiredText(input.city, 'input.city', 'The city'),
    openedOn: check.date(input.openedOn, 'input.openedOn', 'The opening day'),
  };
  return ctx.db.$transaction(async (tx) => {
    await ensureMemberExists(tx, input.memberId);
    return tx.branch.create({ ...query, data });
  });
}

/** Only the fields given change; `closedOn: null` reopens the shop. */
export interface BranchChanges {
  name?: string | null;
  street?: string | null;
  houseNumber?: string | null;
  postcode?: string | null;
  city?: string | null;
  openedOn?: Date | null;
  closedOn?: Date | null;
}

/**
 * Changes a shop: NOT_FOUND if there is none or it is not the caller's to manage (another
 * member's), as a user's; the shop itself stays readable in the open directory.
 */
export function updateBranch(ctx: MembersContext, id: string, input: BranchChanges, query: BranchSelection) {
  const data: Prisma.BranchUpdateInput = {};
  if (input.name != null) data.name = check.requiredText(input.name, 'input.name', 'The name');
  if (input.street != null) data.street = check.requiredText(input.street, 'input.street', 'The street');
  if (input.houseNumber != null)
    data.houseNumber = check.requiredText(
      input.houseNumber,
      'input.houseNumber',
      'The house number',
      HOUSE_NUMBER_MAX_LENGTH,
    );
  if (input.postcode != null) data.postcode = check.postcode(input.postcode, 'input.postcode');
  if (input.city != null) data.city = check.requiredText(input.city, 'input.city', 'The city');
  if (input.openedOn != null) data.openedOn = check.date(input.openedOn, 'input.openedOn', 'The opening day');
  if (input.closedOn !== undefined)
    data.closedOn = input.closedOn && check.date(input.closedOn, 'input.closedOn', 'The closing day');
  return ctx.db.$transaction(async (tx) => {
    const branch = await findManagedBranch(tx, ctx.identity, id);
    const openedOn = input.openedOn ?? branch.openedOn;
    const closedOn = input.closedOn === undefined ? branch.closedOn : input.closedOn;
    withinField('input', () => checkShopDates(openedOn, closedOn));
    return tx.branch.update({ ...query, where: { id }, data });
  });
}
