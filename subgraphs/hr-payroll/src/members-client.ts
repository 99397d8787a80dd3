import { askService, BadUserInputError, quoted, refusedBy } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from './builder';

/**
 * Questions to the members directory, which owns members and their shops: hr-payroll keeps
 * only their ids. The caller's token goes along, so the members subgraph checks who asks
 * (shops are visible to every signed-in person, so HR staff, the payroll service and the
 * association alike get an answer).
 */

const BRANCH = /* GraphQL */ `
  query BranchOwner($id: ID!) {
    branch(id: $id) {
      id
      member {
        id
      }
    }
  }
`;

/**
 * Throws unless `branchId` is a shop of member `memberId` in the members directory: a shop of
 * another member and a made-up id are both BAD_USER_INPUT on `field`, with the same message
 * (whose shops exist is not what this answer is for). When the directory cannot be asked,
 * nothing may be written with an unchecked reference: the error says so.
 */
export async function checkBranchOf(ctx: HrContext, memberId: string, branchId: string, field: string): Promise<void> {
  const body = await askService<{ branch: { id: string; member: { id: string } } | null }>(ctx, 'members', {
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
