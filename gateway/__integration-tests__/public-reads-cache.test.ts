import { platformAdmin, tokenOf } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { M1 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';

// The gateway keeps answers made only of public fields (the members directory) and gives them to
// anyone signed in; anything private, anything anonymous and anything after a change is asked again.
const tp = usePlatform({ resetAfterAll: true });

/** SQL statements a subgraph ran while `fn` ran: none means the gateway answered from memory. */
const statementsDuring = (subgraph: string, fn: () => Promise<unknown>) =>
  tp.platform.subgraphs[subgraph]!.database.queryLog.during(fn);

const DIRECTORY = `query PublicDirectory { members(first: 5) { totalCount edges { node { id name city keurmerk { status } } } } }`;

test('a public read is answered from memory the second time, for another signed-in caller too', async () => {
  const purchaser = await tokenOf('member-purchaser');
  const employee = await tokenOf('employee');
  let first: unknown;
  const cold = await statementsDuring('members', async () => {
    first = expectOk(await tp.query(DIRECTORY, { token: purchaser }));
  });
  expect(cold.length).toBeGreaterThan(0);
  let second: unknown;
  const warm = await statementsDuring('members', async () => {
    second = expectOk(await tp.query(DIRECTORY, { token: employee }));
  });
  expect(warm).toEqual([]);
  expect(second).toEqual(first);
});

test('nobody without a valid token is answered from memory', async () => {
  const purchaser = await tokenOf('member-purchaser');
  expectOk(await tp.query(DIRECTORY, { token: purchaser }));
  const anonymous = await tp.query(DIRECTORY);
  expect(anonymous.data ?? null).toBeNull();
  expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
});

test("an answer with a private field (a member's users) is never kept", async () => {
  const admin = await tokenOf('member-admin');
  const withUsers = `query($id: ID!) { member(id: $id) { name users(first: 3) { totalCount } } }`;
  const ask = () => tp.query(withUsers, { token: admin, variables: { id: M1 } });
  expectOk(await ask());
  const again = await statementsDuring('members', async () => expectOk(await ask()));
  expect(again.length).toBeGreaterThan(0);
});

test('an answer that crosses into a private subgraph is never kept', async () => {
  const hr = await tokenOf('member-hr');
  const staff = `query($id: ID!) { member(id: $id) { name employees(first: 2) { totalCount } } }`;
  const ask = () => tp.query(staff, { token: hr, variables: { id: M1 } });
  expectOk(await ask());
  const again = await statementsDuring('hr-payroll', async () => expectOk(await ask()));
  expect(again.length).toBeGreaterThan(0);
});

test('a change through the gateway is read back at once', async () => {
  const admin = await platformAdmin();
  const read = `query($id: ID!) { member(id: $id) { id name } }`;
  const before = expectOk(await tp.query<{ member: { name: string } }>(read, { token: admin, variables: { id: M1 } }));
  const renamed = `${before.member.name} (tijdelijk)`;
  const update = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { name } }`;
  expectOk(await tp.query(update, { token: admin, variables: { id: M1, input: { name: renamed } } }));
  const after = expectOk(await tp.query<{ member: { name: string } }>(read, { token: admin, variables: { id: M1 } }));
  expect(after.member.name).toBe(renamed);
  expectOk(await tp.query(update, { token: admin, variables: { id: M1, input: { name: before.member.name } } }));
});

test('the answer tells no proxy it may keep it: kept at the gateway, not on the way', async () => {
  const purchaser = await tokenOf('member-purchaser');
  const res = await fetch(tp.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${purchaser}` },
    body: JSON.stringify({ query: DIRECTORY }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
});
