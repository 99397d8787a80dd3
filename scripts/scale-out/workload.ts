import { signDevelopmentToken, TOKEN_AUDIENCE_DEFAULT, TOKEN_ISSUER_DEFAULT } from '@samen-sterk/subgraph-runtime';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import type { DevelopmentTokenClaims } from '@samen-sterk/subgraph-runtime';
import { send, type Caller, type Figures, type GraphQLError, type Phase } from './load';

/**
 * The mixed load and the demo data it stands on (the seeds of procurement, academy and
 * hr-payroll): purchasers of the first six members order labels and safety shoes, each order
 * with its own idempotency key; their HR staff enrol their employees (twelve each, seeded in
 * hr-payroll, which the Academy asks whose they are) in a few small sessions scheduled for this
 * run, on budgets lowered for it, so that some are waitlisted and some refused; the payroll
 * service calculates their months. What was acknowledged is kept for the checks afterwards.
 */

export const MEMBERS = [1, 2, 3, 4, 5, 6].map((n) => demoId('member', n));
const EMPLOYEES_PER_MEMBER = 12;
const employeesOf = (member: number) =>
  Array.from({ length: EMPLOYEES_PER_MEMBER }, (_, i) => demoId('employee', EMPLOYEES_PER_MEMBER * member + i + 1));

/** Demo catalogue (procurement seed): contract 1 labels, item 1 a roll; contract 4 workwear, item 11 safety shoes. */
export const ORDERED = [
  { contractId: demoId('contract', 1), itemId: demoId('item', 1), most: 3 },
  { contractId: demoId('contract', 4), itemId: demoId('item', 11), most: 1 },
];

/**
 * Demo courses (academy seed, catalogue order) without prerequisites: two sessions of each with
 * few seats. Enough (session, employee) pairs that the load does not run out of them.
 */
const COURSES = [
  { courseId: demoId('course', 1), capacity: 2 }, // KS-101, €95.00
  { courseId: demoId('course', 2), capacity: 3 }, // SP-110, €135.00
  { courseId: demoId('course', 3), capacity: 2 }, // VT-101, €75.00
  { courseId: demoId('course', 5), capacity: 4 }, // ELEK-101, €425.00
  { courseId: demoId('course', 8), capacity: 3 }, // NT2-101, €320.00
  { courseId: demoId('course', 11), capacity: 3 }, // BHV-101, €245.00
];
const SESSIONS = [...COURSES, ...COURSES];
/** Each member's training budget for the sessions' year, lowered so that some enrolments are refused. */
export const TRAINING_BUDGET = '3000.00';

const SUBMIT = `mutation SubmitOrder($input: SubmitOrderInput!) { submitOrder(input: $input) { id status } }`;
const ENROL = `mutation Enrol($sessionId: ID!, $employeeId: ID!, $memberPays: Boolean) {
  enrol(sessionId: $sessionId, employeeId: $employeeId, memberPays: $memberPays) { id status } }`;
const CALCULATE = `mutation CalculatePayrollRun($m: ID!, $y: Int!, $mo: Int!) {
  calculatePayrollRun(memberId: $m, year: $y, month: $mo) { id status payslips(first: 1) { totalCount } } }`;
const SCHEDULE = `mutation Schedule($input: ScheduleCourseSessionInput!) { scheduleCourseSession(input: $input) { id } }`;
const GRANT = `mutation Grant($m: ID!, $y: Int!, $g: Decimal!) { grantTrainingBudget(memberId: $m, year: $y, granted: $g) { id } }`;

export interface Acknowledged {
  orders: Map<string, { id: string; memberId: string; status: string }>;
  /** Keys sent again on purpose (after an answer, or twice at once), and whether the same order came back. */
  orderRepeats: { key: string; how: 'again' | 'twins'; sameOrder: boolean }[];
  /** Keys sent (acknowledged or not). */
  orderKeys: Set<string>;
  enrolments: Map<string, { sessionId: string; employeeId: string; memberId: string; status: string }>;
  /** Pairs (session, employee) enrolled again on purpose (after an answer, or twice at once): how many acknowledged, and what came back. */
  enrolmentRepeats: { pair: string; how: 'again' | 'twins'; acknowledged: number; results: string[] }[];
  /** Pairs whose retry found them done by an earlier attempt. */
  enrolledEarlier: Set<string>;
  runs: Map<string, { memberId: string; year: number; month: number; payslips: number }>;
  /** The runs answered to a month calculated twice at once. */
  payrollTwins: string[][];
  sessions: { id: string; capacity: number }[];
  budgetYear: number;
  payrollYear: number;
  months: number[];
}

export function acknowledged(): Acknowledged {
  return {
    orders: new Map(),
    orderRepeats: [],
    orderKeys: new Set(),
    enrolments: new Map(),
    enrolmentRepeats: [],
    enrolledEarlier: new Set(),
    runs: new Map(),
    payrollTwins: [],
    sessions: [],
    budgetYear: 0,
    payrollYear: 0,
    months: [],
  };
}

/** Tokens signed with this run's secret: the platform's claims, HS256, its issuer and audience. */
export const tokenSigner = (jwtSecret: string) => (claims: DevelopmentTokenClaims) =>
  signDevelopmentToken(claims, {
    expiresIn: '1h',
    config: { jwtSecret, issuer: TOKEN_ISSUER_DEFAULT, audience: TOKEN_AUDIENCE_DEFAULT },
  });
type Sign = ReturnType<typeof tokenSigner>;

/** The year a session counts in for the budget: its start's year in the Netherlands. */
const dutchYear = (at: Date) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(at));

/**
 * Before the load: the Academy's administrator schedules the sessions and lowers the members'
 * budgets for their year. Fails when the platform does not answer these as it should.
 */
export async function prepare(url: string, sign: Sign, ack: Acknowledged) {
  const token = await sign({ sub: 'scale-out-academy-admin', roles: ['association-academy'] });
  const ask = async <Data>(query: string, variables: Record<string, unknown>) => {
    const caller: Caller = { url, token, phase: () => 'before kill', giveUpAt: () => Date.now() + 20_000 };
    const outcome = await send<Data>(caller, 'enrolment', query, variables);
    if (outcome.result !== 'ok') throw new Error(`preparing the load: ${outcome.code} (${query.split('(')[0]})`);
    return outcome.data!;
  };
  // One day a month ahead, from 08:00 UTC, half an hour apart: all in one budget year.
  const day = new Date(Date.now() + 30 * 86_400_000);
  const first = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8);
  for (const [i, session] of SESSIONS.entries()) {
    const startsAt = new Date(first + i * 1800_000);
    const { scheduleCourseSession } = await ask<{ scheduleCourseSession: { id: string } }>(SCHEDULE, {
      input: {
        courseId: session.courseId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(),
        capacity: session.capacity,
        location: { kind: 'TRAINING_CENTRE', name: 'Leerwerkplaats Schaaltest', city: 'Utrecht' },
      },
    });
    ack.sessions.push({ id: scheduleCourseSession.id, capacity: session.capacity });
  }
  ack.budgetYear = dutchYear(new Date(first));
  for (const m of MEMBERS) await ask(GRANT, { m, y: ack.budgetYear, g: TRAINING_BUDGET });
  // Months already over, of this year (in January: last year's first months).
  const now = new Date();
  ack.payrollYear = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const last = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  ack.months = Array.from({ length: Math.min(3, last) }, (_, i) => last - i).reverse();
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

export interface Load {
  caller: (token: string) => Caller;
  running: () => boolean;
  figures: Figures;
  ack: Acknowledged;
  sign: Sign;
  runTag: string;
}

/**
 * A purchaser placing small orders. A tenth of the time it sends an acknowledged order again
 * (same key), and another tenth a new order twice at once (twins: through the balancer they
 * reach different gateway and procurement replicas): each must answer the one order of its key.
 */
export async function orderClient(load: Load, client: number) {
  const tokens = await Promise.all(
    MEMBERS.map((memberId, i) =>
      load.sign({ sub: `scale-out-buyer-${client}-${i + 1}`, roles: ['member-purchaser'], memberId }),
    ),
  );
  const placed: { input: Record<string, unknown>; token: string; id: string }[] = [];
  for (let n = 1; load.running(); n++) {
    const dice = Math.random();
    const repeat = placed.length > 0 && dice < 0.1 ? pick(placed) : null;
    const twins = !repeat && dice > 0.9;
    const m = Math.floor(Math.random() * MEMBERS.length);
    const line = pick(ORDERED);
    const input = repeat?.input ?? {
      memberId: MEMBERS[m]!,
      contractId: line.contractId,
      idempotencyKey: `scale-out-${load.runTag}-c${client}-${n}`,
      lines: [{ itemId: line.itemId, quantity: 1 + Math.floor(Math.random() * line.most) }],
    };
    const key = input.idempotencyKey as string;
    load.ack.orderKeys.add(key);
    const token = repeat?.token ?? tokens[m]!;
    const submit = () =>
      send<{ submitOrder: { id: string; status: string } }>(load.caller(token), 'order', SUBMIT, { input });
    const outcomes = await Promise.all(twins ? [submit(), submit()] : [submit()]);
    outcomes.forEach((o) => load.figures.add(o));
    const ids = outcomes.filter((o) => o.result === 'ok').map((o) => o.data!.submitOrder.id);
    if (ids.length === 0) continue;
    if (repeat) load.ack.orderRepeats.push({ key, how: 'again', sameOrder: ids[0] === repeat.id });
    else {
      if (twins) load.ack.orderRepeats.push({ key, how: 'twins', sameOrder: ids.every((id) => id === ids[0]) });
      const first = outcomes.find((o) => o.result === 'ok')!.data!.submitOrder;
      load.ack.orders.set(key, { id: first.id, memberId: input.memberId as string, status: first.status });
      placed.push({ input, token, id: first.id });
    }
  }
}

/** Every (session, employee) pair of the members' employees, shuffled: what the enrolment clients take from. */
export function enrolmentQueue(ack: Acknowledged) {
  const pairs = ack.sessions.flatMap((session) =>
    MEMBERS.flatMap((memberId, m) =>
      employeesOf(m).map((employeeId) => ({ sessionId: session.id, employeeId, memberId })),
    ),
  );
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return pairs;
}

const alreadyEnrolled = (e: GraphQLError) => e.extensions?.code === 'CONFLICT' && e.extensions.field === 'employeeId';

/**
 * A member's HR enrolling its employees, on the budget or (half the time, when the budget does
 * not cover it) paid by the member. A tenth of the time it enrols someone already enrolled
 * again, and another tenth it sends a new enrolment twice at once (twins, likely on different
 * replicas): at most one may be acknowledged, the other refused.
 */
export async function enrolmentClient(load: Load, client: number, queue: ReturnType<typeof enrolmentQueue>) {
  const tokens = await Promise.all(
    MEMBERS.map((memberId, i) => load.sign({ sub: `scale-out-hr-${client}-${i + 1}`, roles: ['member-hr'], memberId })),
  );
  const enrolled: (typeof queue)[number][] = [];
  while (load.running()) {
    const dice = Math.random();
    const repeat = enrolled.length > 0 && dice < 0.1 ? pick(enrolled) : null;
    const twins = !repeat && dice > 0.9;
    const pair = repeat ?? queue.shift();
    if (!pair) break;
    // Half the time the member pays when the budget does not cover it; else such an enrolment is refused.
    const memberPays = Math.random() < 0.5;
    const enrol = () =>
      send<{ enrol: { id: string; status: string } }>(
        load.caller(tokens[MEMBERS.indexOf(pair.memberId)]!),
        'enrolment',
        ENROL,
        { sessionId: pair.sessionId, employeeId: pair.employeeId, memberPays },
        { doneEarlier: alreadyEnrolled },
      );
    const outcomes = await Promise.all(twins ? [enrol(), enrol()] : [enrol()]);
    outcomes.forEach((o) => load.figures.add(o));
    const name = `${pair.sessionId}/${pair.employeeId}`;
    const ok = outcomes.filter((o) => o.result === 'ok');
    if (repeat || twins)
      load.ack.enrolmentRepeats.push({
        pair: name,
        how: repeat ? 'again' : 'twins',
        acknowledged: ok.length + (repeat ? 1 : 0),
        results: outcomes.map((o) => (o.result === 'ok' ? 'acknowledged' : o.code!)),
      });
    if (outcomes.some((o) => o.result === 'earlier')) load.ack.enrolledEarlier.add(name);
    if (repeat) continue;
    for (const o of ok) load.ack.enrolments.set(o.data!.enrol.id, { ...pair, status: o.data!.enrol.status });
    if (ok.length > 0) enrolled.push(pair);
  }
}

/**
 * The payroll service calculating (and recalculating) the members' recent months; a tenth of the
 * time the same month twice at once (twins, likely on different hr-payroll replicas): a month has
 * one run, so one may be refused (CONFLICT) or both answer the same run, never two runs.
 */
export async function payrollClient(load: Load, client: number) {
  const token = await load.sign({
    sub: `scale-out-payroll-${client}`,
    roles: ['payroll-service'],
    payrollMemberIds: MEMBERS,
  });
  while (load.running()) {
    const memberId = pick(MEMBERS);
    const month = pick(load.ack.months);
    const year = load.ack.payrollYear;
    const calculate = () =>
      send<{ calculatePayrollRun: { id: string; payslips: { totalCount: number } } }>(
        load.caller(token),
        'payroll',
        CALCULATE,
        { m: memberId, y: year, mo: month },
        { retryOnRetry: (e) => e.extensions?.code === 'CONFLICT' },
      );
    const twins = Math.random() < 0.1;
    const outcomes = await Promise.all(twins ? [calculate(), calculate()] : [calculate()]);
    outcomes.forEach((o) => load.figures.add(o));
    const runs = outcomes.filter((o) => o.result === 'ok').map((o) => o.data!.calculatePayrollRun);
    if (twins) load.ack.payrollTwins.push(runs.map((r) => r.id));
    for (const run of runs) load.ack.runs.set(run.id, { memberId, year, month, payslips: run.payslips.totalCount });
  }
}

export type { Phase };
