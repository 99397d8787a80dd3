import { platformAdmin } from './actors';
import { expectOk } from './expect';
import { FIRST_MEMBERS, type MemberIds } from './operations';
import type { TestPlatform } from './platform';

// The members directory as the validation tests use it: a member that may be created, and a
// count of what the directory holds, to prove that a refusal wrote nothing.

export const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
export const validMember = {
  name: 'Kringloop Proef',
  kvkNumber: '12345678',
  legalForm: 'FOUNDATION',
  city: 'Utrecht',
  memberSince: '2026-01-01',
};

interface Counts {
  members: { totalCount: number };
  branches: { totalCount: number };
  member: { id: string; name: string; kvkNumber: string };
}

/** How many members and shops there are, and the first member's name and KvK number, as an admin reads them. */
export function directoryCounts(tp: TestPlatform) {
  let memberId: string | undefined;
  return async (): Promise<Counts> => {
    const token = await platformAdmin();
    memberId ??= expectOk(await tp.query<MemberIds>(FIRST_MEMBERS, { token, variables: { first: 1 } })).members
      .edges[0]!.node.id;
    return expectOk(
      await tp.query<Counts>(
        `query($m: ID!) { members(first: 1) { totalCount } branches(first: 1) { totalCount } member(id: $m) { id name kvkNumber } }`,
        { token, variables: { m: memberId } },
      ),
    );
  };
}
