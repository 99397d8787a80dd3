import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Bad input gets a clear error naming the field, and nothing is written.
let tp: TestPlatform;
let admin: string;
let memberId: string;

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tokenFor({ roles: ['platform-admin'] });
  const res: any = await tp.query(`{ members(first: 1) { edges { node { id } } } }`, { token: admin });
  memberId = res.data.members.edges[0].node.id;
});
afterAll(() => tp?.stop());

const counts = async () => {
  const res: any = await tp.query(
    `query($m: ID!) { members(first: 1) { totalCount } branches(first: 1) { totalCount } member(id: $m) { name kvkNumber } }`,
    { token: admin, variables: { m: memberId } },
  );
  return res.data;
};

const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const valid = {
  name: 'Kringloop Proef',
  kvkNumber: '12345678',
  legalForm: 'FOUNDATION',
  city: 'Utrecht',
  memberSince: '2026-01-01',
};

test.each(['1234567', '123456789', '1234567a', ' ', '12 34 56 78'])('KvK number "%s" is refused', async (kvkNumber) => {
  const before = await counts();
  const res = await tp.query(CREATE, { token: admin, variables: { input: { ...valid, kvkNumber } } });
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0]?.extensions?.field).toBe('input.kvkNumber');
  expect(res.errors?.[0]?.message).toMatch(/8 digits/);
  expect(await counts()).toEqual(before);
});

test('changing a member to a bad KvK number changes nothing at all', async () => {
  const before = await counts();
  const res = await tp.query(
    `mutation($id: ID!) { updateMember(id: $id, input: { name: "Nieuwe Naam", kvkNumber: "0000" }) { name } }`,
    {
      token: admin,
      variables: { id: memberId },
    },
  );
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(await counts()).toEqual(before);
});

const ADD_BRANCH = `mutation($input: AddBranchInput!) { addBranch(input: $input) { id address { postcode } } }`;
const shop = (postcode: string) => ({
  memberId,
  name: 'Winkel Proef',
  street: 'Ambachtsweg',
  houseNumber: '3',
  postcode,
  city: 'Utrecht',
  openedOn: '2026-03-01',
});

test.each(['0123 AB', '123 AB', '1234 A', '1234 SS', 'ABCD 12', ''])(
  'postcode "%s" is refused and no shop is added',
  async (postcode) => {
    const before = await counts();
    const res = await tp.query(ADD_BRANCH, { token: admin, variables: { input: shop(postcode) } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.postcode');
    expect(res.errors?.[0]?.message).toMatch(/Dutch postcode/);
    expect(await counts()).toEqual(before);
  },
);

test('a valid postcode is stored in its written form', async () => {
  const res: any = await tp.query(ADD_BRANCH, { token: admin, variables: { input: shop('3511ab') } });
  expect(res.errors).toBeUndefined();
  expect(res.data.addBranch.address.postcode).toBe('3511 AB');
  await tp.reset();
});

test('a duplicate KvK number is a CONFLICT and writes nothing', async () => {
  const before = await counts();
  const res = await tp.query(CREATE, {
    token: admin,
    variables: { input: { ...valid, kvkNumber: before.member.kvkNumber } },
  });
  expect(errorCodes(res)).toEqual(['CONFLICT']);
  expect(await counts()).toEqual(before);
});

test('an unknown member is NOT_FOUND', async () => {
  const res = await tp.query(ADD_BRANCH, {
    token: admin,
    variables: { input: { ...shop('3511 AB'), memberId: '00000000-0000-4000-8000-999999999999' } },
  });
  expect(errorCodes(res)).toEqual(['NOT_FOUND']);
});
