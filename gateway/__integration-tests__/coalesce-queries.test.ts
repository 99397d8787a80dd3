import { platformAdmin } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { CREATE_MEMBER } from './testkit/members';
import { usePlatform } from './testkit/use-platform';

// Identical queries of one caller in flight together run once at the gateway; different callers
// never share an answer, and mutations always run as often as they are sent.
const tp = usePlatform({ resetAfterAll: true });

// A private read (users are personal data): the gateway never keeps its answer, so every
// request that is not shared reaches the members subgraph.
const DIRECTORY = `query Users($first: Int!) { members(first: $first) { totalCount edges { node { id name users(first: 5) { totalCount edges { node { id email } } } } } } }`;

/** SQL statements the members subgraph ran while `fn` ran. */
const statementsDuring = (fn: () => Promise<unknown>) => tp.platform.subgraphs.members!.database.queryLog.during(fn);

test('eight identical queries of one caller at once cost the members subgraph what one costs', async () => {
  const token = await platformAdmin();
  const ask = () =>
    tp.query<{ members: { totalCount: number; edges: { node: { id: string } }[] } }>(DIRECTORY, {
      token,
      variables: { first: 10 },
    });
  const alone = await statementsDuring(ask);
  expect(alone.length).toBeGreaterThan(0);

  let answers: Awaited<ReturnType<typeof ask>>[] = [];
  const together = await statementsDuring(async () => {
    answers = await Promise.all(Array.from({ length: 8 }, ask));
  });
  expect(answers).toHaveLength(8);
  const first = expectOk(answers[0]!);
  expect(nodes(first.members)).toHaveLength(10);
  for (const answer of answers) expect(expectOk(answer)).toEqual(first);
  // Shared: about one request's statements, far from eight times as many (on a busy machine a
  // request may arrive after the first was answered, and run again: at most half of them here).
  expect(together.length).toBeLessThanOrEqual(alone.length * 4);
});

test('two callers asking the same never share an answer', async () => {
  const [one, two] = await Promise.all([platformAdmin('admin-one'), platformAdmin('admin-two')]);
  const ask = (token: string) => tp.query(DIRECTORY, { token, variables: { first: 10 } });
  const alone = await statementsDuring(() => ask(one));
  const both = await statementsDuring(() => Promise.all([ask(one), ask(two), ask(one), ask(two)]));
  // Two distinct callers: at least two requests' worth of work, each caller's pair shared.
  expect(both.length).toBeGreaterThanOrEqual(alone.length * 2);
  expect(both.length).toBeLessThan(alone.length * 4);
});

test('identical mutations sent together each run', async () => {
  const token = await platformAdmin();
  const input = {
    name: 'Kringloop Dubbel',
    kvkNumber: '71234567',
    legalForm: 'FOUNDATION',
    city: 'Zwolle',
    memberSince: '2025-05-01',
  };
  const answers = await Promise.all([1, 2].map(() => tp.query(CREATE_MEMBER, { token, variables: { input } })));
  // Both reached the members subgraph: one created it, the other was refused as a duplicate.
  const created = answers.filter((answer) => !answer.errors);
  const refused = answers.filter((answer) => answer.errors);
  expect(created).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(refused[0]!.errors!.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
});
