import { captureLogs } from '@samen-sterk/subgraph-runtime';
import { platformAdmin, tokenOf } from './testkit/actors';
import { badTokens } from './testkit/auth';
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

/** The directory asked by POST as a member system would, with the headers given. */
const post = (headers: Record<string, string>, body: object = { query: DIRECTORY }) =>
  fetch(tp.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('a kept answer is sent as Apollo Server sent it: same status, type and JSON, for the same question only', async () => {
  const purchaser = await tokenOf('member-purchaser');
  const hr = await tokenOf('member-hr');
  const askedFirst = await post({ authorization: `Bearer ${purchaser}` });
  const firstBody = await askedFirst.json();
  let kept: Response | undefined;
  const logs = captureLogs('debug');
  const warm = await statementsDuring('members', async () => {
    kept = await post({ authorization: `Bearer ${hr}` });
  }).finally(() => logs.stop());
  expect(warm).toEqual([]);
  // Sent from in front of Apollo Server (its pipeline not run), and logged as such, without the body.
  const answered = logs.entries().filter((entry) => entry.msg === 'graphql request answered from public reads');
  expect(answered).toHaveLength(1);
  expect(answered[0]).toMatchObject({ operation: 'PublicDirectory', type: 'query' });
  expect(JSON.stringify(answered[0])).not.toContain('members(first');
  expect(kept!.status).toBe(askedFirst.status);
  expect(kept!.headers.get('content-type')).toBe(askedFirst.headers.get('content-type'));
  expect(kept!.headers.get('x-request-id')).toBeTruthy();
  expect(kept!.headers.get('x-request-id')).not.toBe(askedFirst.headers.get('x-request-id'));
  expect(await kept!.json()).toEqual(firstBody);

  // Another page, other variables or another operation name is another question: asked again.
  const other = await statementsDuring('members', async () => {
    expectOk(await tp.query(DIRECTORY.replace('first: 5', 'first: 4'), { token: hr }));
  });
  expect(other.length).toBeGreaterThan(0);
});

test('an expired, forged or unsigned token is refused, never served the kept answer', async () => {
  const purchaser = await tokenOf('member-purchaser');
  expectOk(await tp.query(DIRECTORY, { token: purchaser }));
  const refusedTokens = [await badTokens.expired(), await badTokens.badlySigned(), await badTokens.algNone()];
  expect(refusedTokens.length).toBeGreaterThan(0);
  for (const token of refusedTokens) {
    const res = await post({ authorization: `Bearer ${token}` });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
  }
});

test('a caller that accepts only application/graphql-response+json gets that type, kept or not', async () => {
  const purchaser = await tokenOf('member-purchaser');
  expectOk(await tp.query(DIRECTORY, { token: purchaser }));
  const res = await post({ authorization: `Bearer ${purchaser}`, accept: 'application/graphql-response+json' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  const body = (await res.json()) as { data?: { members?: { totalCount?: number } } };
  expect(body.data?.members?.totalCount).toBeGreaterThan(0);
});
