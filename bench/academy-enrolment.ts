// `pnpm bench:academy [enrolments] [seats]`: the Academy's seat count under a crowd. Starts the
// whole platform in this process (PGlite in memory by default; PostgreSQL for each subgraph
// whose <SUBGRAPH>_DATABASE_URL is set, e.g. ACADEMY_DATABASE_URL), schedules a session of a free
// online course with `seats` seats (default 20), then sends `enrolments` enrolments (default
// 1,000) through the gateway all at once, each by a different employee (its own token). Prints
// how many were enrolled and waitlisted, the response times (p50, p95, p99, max) and the rate;
// then verifies from the stored data that exactly `seats` are enrolled, the session's seat count
// agrees, and the waitlist holds everyone else at positions 1…n, each once, in the order they
// took the session's lock. Exits non-zero when a verification fails.
import { startPlatform } from '@samen-sterk/platform';
import { envPrefix, signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
// The gateway answers at most MAX_REQUESTS_IN_FLIGHT requests at once (64 by default) and refuses
// the rest at once with 503 (429 when the cost of what is in flight is at its limit), never queued;
// the bench's callers then ask again as a client should: after the Retry-After the answer names
// (one second), spread by a random part so they do not all come back at once, doubling up to
// eight seconds. A response time runs from the first attempt to the answer.
const ENROLMENTS = Number(process.argv[2]) || 1_000;
const SEATS = Number(process.argv[3]) || 20;
const FREE_ONLINE_COURSE = demoId('course', 9); // FB-101 in the demo catalogue: free, online
const MEMBER = demoId('member', 1);

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

type Answer = {
  data?: Record<string, { id: string; status: string; waitlistPosition: number | null }> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const retried = { requests: 0, attempts: 0 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, token: string, query: string, variables: object): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    // A refusal because the server is full may close the connection before the answer is read
    // (ECONNRESET): nothing was done then either, so it is asked again like a 503.
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).catch((error: unknown) => {
      if (attempt >= 50) throw error;
      return null;
    });
    const full = !response || response.status === 503 || response.status === 429;
    if (response && (!full || attempt >= 50)) return (await response.json()) as Answer;
    await response?.arrayBuffer();
    if (attempt === 0) retried.requests++;
    retried.attempts++;
    const after = Number(response?.headers.get('retry-after')) || 1;
    await pause(Math.min(8_000, after * 1000 * 2 ** Math.min(attempt, 3)) * (0.5 + Math.random()));
  }
}

async function main() {
  const onPostgres = (service: string) => !!process.env[`${envPrefix(service)}_DATABASE_URL`];
  const platform = await startPlatform({
    location: (name) => (onPostgres(name) ? undefined : { kind: 'pglite', dataDir: null }),
    port: () => 0,
    seed: true,
  });
  let failed = false;
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed = true;
  };
  try {
    const url = platform.gateway.url;
    const sql = platform.subgraphs['academy']!.database.sql;
    const admin = await signDevelopmentToken({ sub: 'bench-academy-admin', roles: ['association-academy'] });
    const startsAt = new Date(Date.now() + 14 * 86_400_000);
    const scheduled = await post(
      url,
      admin,
      `mutation($input: ScheduleCourseSessionInput!) { scheduleCourseSession(input: $input) { id } }`,
      {
        input: {
          courseId: FREE_ONLINE_COURSE,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
          capacity: SEATS,
          location: { kind: 'ONLINE' },
        },
      },
    );
    if (scheduled.errors?.length) throw new Error(`Scheduling failed: ${scheduled.errors[0]!.message}`);
    const sessionId = scheduled.data!.scheduleCourseSession!.id;
    const employee = (i: number) => demoId('employee', 900_000 + i);
    const tokens = await Promise.all(
      Array.from({ length: ENROLMENTS }, (_, i) =>
        signDevelopmentToken({
          sub: `bench-learner-${i}`,
          roles: ['employee'],
          memberId: MEMBER,
          employeeId: employee(i),
        }),
      ),
    );
    const where = onPostgres('academy') ? 'PostgreSQL' : 'PGlite (in memory)';
    console.log(
      `Academy enrolment: ${ENROLMENTS} enrolments at once into a ${SEATS}-seat session, on ${where} (MAX_REQUESTS_IN_FLIGHT=${process.env.MAX_REQUESTS_IN_FLIGHT ?? 'default 64'})`,
    );
    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    const failures = new Map<string, number>();
    const began = performance.now();
    await Promise.all(
      tokens.map(async (token, i) => {
        const started = performance.now();
        const answer = await post(
          url,
          token,
          `mutation($s: ID!, $e: ID!) { enrol(sessionId: $s, employeeId: $e) { id status waitlistPosition } }`,
          { s: sessionId, e: employee(i) },
        );
        latencies.push(performance.now() - started);
        if (answer.errors?.length) {
          const key = `${answer.errors[0]!.extensions?.code}: ${answer.errors[0]!.message.slice(0, 100)}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
          return;
        }
        const status = answer.data!.enrol!.status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
    );
    const wall = performance.now() - began;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `  answered:     ${latencies.length} in ${(wall / 1000).toFixed(2)} s (${((latencies.length * 1000) / wall).toFixed(0)} per second)`,
    );
    console.log(`  statuses:     ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    for (const [key, n] of failures) console.log(`  refused:      ${n} × ${key}`);
    console.log(`  server full:  ${retried.requests} requests asked again (${retried.attempts} extra attempts in all)`);
    console.log(
      `  response time p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1]!)}`,
    );

    const rows = await sql.query<{ status: string; waitlist_position: number | null }>(
      `SELECT status, waitlist_position FROM enrolment WHERE session_id = $1`,
      [sessionId],
    );
    const [session] = await sql.query<{ enrolled_count: number; waitlist_sequence: number }>(
      `SELECT enrolled_count, waitlist_sequence FROM course_session WHERE id = $1`,
      [sessionId],
    );
    const enrolled = rows.filter((r) => r.status === 'ENROLLED').length;
    const positions = rows
      .filter((r) => r.status === 'WAITLISTED')
      .map((r) => Number(r.waitlist_position))
      .sort((a, b) => a - b);
    check(failures.size === 0, 'every enrolment answered without an error');
    check(
      enrolled === Math.min(SEATS, ENROLMENTS),
      `exactly ${Math.min(SEATS, ENROLMENTS)} enrolled (stored: ${enrolled})`,
    );
    check(Number(session!.enrolled_count) === enrolled, `the session's seat count agrees (${session!.enrolled_count})`);
    check(
      positions.length === ENROLMENTS - enrolled && positions.every((p, i) => p === i + 1),
      `the waitlist holds the other ${ENROLMENTS - enrolled} at positions 1…${positions.length}, each once (handed out under the session's lock, in arrival order)`,
    );
    check(Number(session!.waitlist_sequence) === positions.length, 'the waitlist sequence ends at the last position');
  } finally {
    await platform.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
