import { askService, BadUserInputError, quoted, refusedBy, serviceOperation } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from './builder';
import type { BranchOwnerQuery, BranchOwnerVariables } from './members-client.generated';

/**
 * Questions to the members directory, which owns members and their shops: hr-payroll keeps
 * only their ids. The caller's token goes along, so the members subgraph checks who asks
 * (shops are visible to every signed-in person, so HR staff, the payroll service and the
 * association alike get an answer). The answer's type is generated from the members' committed
 * SDL (`members-client.generated.ts`, checked by `__tests__/members-client.test.ts`).
 */

const BRANCH = serviceOperation<BranchOwnerQuery, BranchOwnerVariables>(/* GraphQL */ `
  query BranchOwner($id: ID!) {
    branch(id: $id) {
      id
      member {
        id
      }
    }
  }
`);

/**
 * Throws unless `branchId` is a shop of member `memberId` in the members directory: a shop of
 * another member and a made-up id are both BAD_USER_INPUT on `field`, with the same message
 * (whose shops exist is not what this answer is for). When the directory cannot be asked,
 * nothing may be written with an unchecked reference: the error says so.
 */
export async function checkBranchOf(ctx: HrContext, memberId: string, branchId: string, field: string): Promise<void> {
  const body = await askService(ctx, 'members', {
    query: BRANCH,
    variables: { id: branchId },
    label: 'members directory',
  });
  const error = body.errors[0];
  const noSuchShop = ['NOT_FOUND', 'BAD_USER_INPUT'].includes(error?.extensions?.code ?? '');
  if (error && !noSuchShop) throw refusedBy('members', 'members directory', error);
  if (noSuchShop || body.data?.branch?.member.id !== memberId) {
    throw new BadUserInputError(field, `There is no shop ${quoted(branchId)} of this member in the members directory.`);
  }
}

/** Every operation this client sends to the members directory (its test checks them against the members' SDL). */
export const MEMBERS_OPERATIONS = [BRANCH];
