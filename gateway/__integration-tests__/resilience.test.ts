// A subgraph that is down: the gateway stays up, answers what the others can with the failed
// part null and an error naming the missing service, fails fast while the service stays down,
// and finds it again by itself once it is back on its port. Through the real gateway.
import { hrOf, platformAdmin } from './testkit/actors';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, graphql, type GraphQLResponse } from './testkit/graphql';
import { M1 } from './testkit/ids';
import { takeDown, untilAnswered } from './testkit/outage';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

const platform = usePlatform();
const tokens = useTokens({ admin: () => platformAdmin(), hr: () => hrOf(M1) });

const EMPLOYEES_WITH_EMPLOYER = `query StaffWithEmployer($memberId: ID!) {
  employees(memberId: $memberId, first: 5) { edges { node { id lastName employer { id name } } } }
}`;
const MEMBER_WITH_STAFF = `query MemberWithStaff($memberId: ID!) {
  member(id: $memberId) { id name employees(first: 3) { totalCount } }
}`;
const MEMBERS = `query Directory { members(first: 3) { edges { node { id name } } } }`;
const CAO = `query Versions { caoVersions(first: 1) { totalCount } }`;

interface Staff {
  employees: { edges: { node: { id: string; lastName: string; employer: { id: string; name: string } | null } }[] };
}
interface MemberStaff {
  member: { id: string; name: string; employees: { totalCount: number } | null } | null;
}

/** The services an answer's errors name as unavailable. */
const unavailable = (res: GraphQLResponse) =>
  (res.errors ?? []).filter((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE').map((e) => e.extensions?.service);

test('the gateway is healthy and ready, and its readiness names every subgraph as ready', async () => {
  const base = platform.url.replace(/\/graphql$/, '');
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
  const { subgraphs } = (await ready.json()) as { subgraphs: Record<string, string> };
  expect(subgraphs).toEqual(
    Object.fromEntries(Object.keys(platform.platform.subgraphs).map((name) => [name, 'ready'])),
  );
});

describe('partial data when a subgraph is down', () => {
  test('members down: HR data still comes, the employer is null and the error names the members service', async () => {
    const outage = await takeDown(platform, 'members');
    try {
      const res = await platform.query<Staff>(EMPLOYEES_WITH_EMPLOYER, {
        token: tokens.hr,
        variables: { memberId: M1 },
      });
      const staff = nonEmpty(res.data!.employees.edges);
      for (const { node } of staff) {
        expect(node.lastName).toEqual(expect.any(String));
        expect(node.employer).toBeNull();
      }
      expect(new Set(unavailable(res))).toEqual(new Set(['members']));
      expect(res.errors![0]!.message).toMatch(/^The members service could not answer/);

      // Starting from the directory, nothing of the member can be given: null, not `data: null`.
      const member = await platform.query<MemberStaff>(MEMBER_WITH_STAFF, {
        token: tokens.hr,
        variables: { memberId: M1 },
      });
      expect(member.data).toEqual({ member: null });
      expect(unavailable(member)).toEqual(['members']);
    } finally {
      await outage.restart();
    }
    const ask = () => platform.query<Staff>(EMPLOYEES_WITH_EMPLOYER, { token: tokens.hr, variables: { memberId: M1 } });
    await untilAnswered(ask, 'members');
    const back = await ask();
    for (const { node } of nonEmpty(expectOk(back).employees.edges))
      expect(node.employer?.name).toEqual(expect.any(String));
  });

  test('hr-payroll down: the member is answered, its employees are null and the error names hr-payroll', async () => {
    const outage = await takeDown(platform, 'hr-payroll');
    try {
      const res = await platform.query<MemberStaff>(MEMBER_WITH_STAFF, {
        token: tokens.hr,
        variables: { memberId: M1 },
      });
      expect(res.data?.member).toEqual({ id: M1, name: expect.any(String), employees: null });
      expect(unavailable(res)).toEqual(['hr-payroll']);
    } finally {
      await outage.restart();
      await untilAnswered(
        () => platform.query(MEMBER_WITH_STAFF, { token: tokens.hr, variables: { memberId: M1 } }),
        'hr-payroll',
      );
    }
  });
});

describe('a subgraph killed under a steady stream of requests', () => {
  test('the other subgraph keeps answering, the dead one fails fast by name, and it recovers by itself', async () => {
    const ask = (query: string) => graphql(platform.url, query, { token: tokens.admin });
    const answers = { members: [] as GraphQLResponse[], cao: [] as GraphQLResponse[] };
    const membersDuringOutage: GraphQLResponse[] = [];
    let caoDown = false;
    let streaming = true;
    // Whoever waits for the n-th answer of a stream is told when it arrives (no polling).
    const waiting: { list: GraphQLResponse[]; length: number; resolve: () => void }[] = [];
    const nextAnswers = (list: GraphQLResponse[], count: number) =>
      new Promise<void>((resolve) => waiting.push({ list, length: list.length + count, resolve }));
    // Two callers, one per subgraph, each sending its next request when the last was answered.
    const stream = (query: string, into: GraphQLResponse[]) =>
      (async () => {
        while (streaming) {
          const res = await ask(query);
          into.push(res);
          if (into === answers.members && caoDown) membersDuringOutage.push(res);
          for (const w of waiting.filter((w) => w.list === into && into.length >= w.length)) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve();
          }
        }
      })();
    const streams = [stream(MEMBERS, answers.members), stream(CAO, answers.cao)];

    await nextAnswers(answers.cao, 5);
    const outage = await takeDown(platform, 'cao');
    caoDown = true;
    // The request under way when it stopped may have been answered either way; the next ten not.
    await nextAnswers(answers.cao, 1);
    const from = answers.cao.length;
    await nextAnswers(answers.cao, 10);
    const duringOutage = answers.cao.slice(from, from + 10);
    const restartedAt = Date.now();
    await outage.restart();
    caoDown = false;
    // Recovery: the first answer of the CAO stream without errors after the restart.
    const recovered = answers.cao.length;
    while (!answers.cao.slice(recovered).some((res) => !res.errors)) await nextAnswers(answers.cao, 1);
    const recoveredAfterMs = Date.now() - restartedAt;
    streaming = false;
    await Promise.all(streams);

    // The gateway stayed up: the members stream was answered in full throughout.
    expect(nonEmpty(membersDuringOutage).length).toBeGreaterThan(0);
    for (const res of nonEmpty(answers.members)) {
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(nonEmpty((res.data as { members: { edges: unknown[] } }).members.edges)).toHaveLength(3);
    }
    // While down, the CAO's answers named it, with a code a program can act on.
    for (const res of nonEmpty(duringOutage)) {
      expect(res.status).toBe(200);
      expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(unavailable(res)).toEqual(['cao']);
    }
    // It came back by itself within a few seconds (the circuit half-opens after 2 s).
    expect(recoveredAfterMs).toBeLessThan(5_000);
  });
});

describe('fewer upstream requests', () => {
  test('identical concurrent reads by one caller share one subgraph request; every caller gets the whole answer', async () => {
    const members = platform.platform.subgraphs.members!.database;
    const one = await members.queryLog.during(() => platform.query(MEMBERS, { token: tokens.admin }));
    let answers: GraphQLResponse[] = [];
    const together = await members.queryLog.during(async () => {
      answers = await Promise.all([1, 2, 3, 4].map(() => platform.query(MEMBERS, { token: tokens.admin })));
    });
    const first = expectOk(answers[0]!);
    for (const res of nonEmpty(answers)) expect(expectOk(res)).toEqual(first);
    expect(nonEmpty(one).length).toBeGreaterThan(0);
    expect(together.length).toBeLessThan(4 * one.length);
  });
});
