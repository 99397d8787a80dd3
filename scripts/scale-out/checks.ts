import { sql } from './cluster';
import { tally as tallyOf } from './load';
import { MEMBERS, ORDERED, type Acknowledged } from './workload';

/**
 * After the load, in the databases themselves (psql, not through the services): what was
 * acknowledged is there, once, and the counters that locks protect add up. Each check names
 * what it found; none prints personal data (ids and counts only).
 */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const list = (values: string[], most = 5) =>
  values.length <= most ? values.join(', ') : `${values.slice(0, most).join(', ')} and ${values.length - most} more`;

/** The sector's quantity per item of the contracts ordered from, before the load (to compare after). */
export async function sectorQuantities(): Promise<Map<string, number>> {
  const contracts = ORDERED.map((o) => `'${o.contractId}'`).join(',');
  const rows = await sql<{ item_id: string; quantity: number }>(
    'procurement',
    `SELECT item_id, quantity FROM sector_volume WHERE contract_id IN (${contracts}) AND item_id <> ''`,
  );
  return new Map(rows.map((r) => [r.item_id, r.quantity]));
}

export async function checkOrders(ack: Acknowledged, runTag: string, before: Map<string, number>): Promise<Check[]> {
  const orders = await sql<{ id: string; member_id: string; idempotency_key: string; status: string }>(
    'procurement',
    `SELECT id, member_id, idempotency_key, status::text FROM "order" WHERE idempotency_key LIKE 'scale-out-${runTag}-%'`,
  );
  const byKey = new Map<string, typeof orders>();
  for (const o of orders)
    byKey.set(`${o.member_id}/${o.idempotency_key}`, [...(byKey.get(`${o.member_id}/${o.idempotency_key}`) ?? []), o]);
  const missing = [...ack.orders].filter(([key, a]) => !orders.some((o) => o.id === a.id && o.idempotency_key === key));
  const duplicated = [...byKey].filter(([, os]) => os.length > 1).map(([key]) => key);
  const perKey = new Map<string, number>();
  for (const o of orders) perKey.set(o.idempotency_key, (perKey.get(o.idempotency_key) ?? 0) + 1);
  const keyTwice = [...perKey].filter(([, n]) => n > 1).map(([k]) => k);
  const unheard = orders.filter((o) => !ack.orders.has(o.idempotency_key)).length;
  const repeatsDiffering = ack.orderRepeats.filter((r) => !r.sameOrder).map((r) => r.key);
  // The sector's volume grew by exactly what the orders stored (acknowledged or not) hold.
  const lines = await sql<{ item_id: string; quantity: number }>(
    'procurement',
    `SELECT l.item_id, sum(l.quantity)::int AS quantity FROM order_line l JOIN "order" o ON o.id = l.order_id
     WHERE o.idempotency_key LIKE 'scale-out-${runTag}-%' AND o.status NOT IN ('REJECTED', 'CANCELLED') GROUP BY l.item_id`,
  );
  const after = await sectorQuantities();
  const lost = ORDERED.filter(({ itemId }) => {
    const ordered = lines.find((l) => l.item_id === itemId)?.quantity ?? 0;
    return (after.get(itemId) ?? 0) - (before.get(itemId) ?? 0) !== ordered;
  }).map(
    ({ itemId }) =>
      `${itemId}: volume +${(after.get(itemId) ?? 0) - (before.get(itemId) ?? 0)}, orders ${lines.find((l) => l.item_id === itemId)?.quantity ?? 0}`,
  );
  return [
    {
      name: 'orders: every acknowledged order is stored under its key',
      ok: missing.length === 0,
      detail: `${ack.orders.size} acknowledged, ${orders.length} stored${missing.length ? `; missing: ${list(missing.map(([k]) => k))}` : ''}${
        unheard ? ` (${unheard} stored whose client never heard back)` : ''
      }`,
    },
    {
      name: 'orders: one order per idempotency key',
      ok: duplicated.length === 0 && keyTwice.length === 0,
      detail:
        duplicated.length || keyTwice.length
          ? `duplicated: ${list([...duplicated, ...keyTwice])}`
          : `${perKey.size} keys, none twice`,
    },
    {
      name: 'orders: a key sent again, or twice at once, answers the one order',
      ok: repeatsDiffering.length === 0,
      detail: `${ack.orderRepeats.filter((r) => r.how === 'again').length} sent again, ${
        ack.orderRepeats.filter((r) => r.how === 'twins').length
      } twice at once${repeatsDiffering.length ? `; another order for ${list(repeatsDiffering)}` : ', each answered the same order'}`,
    },
    {
      name: "orders: the sector's volume grew by exactly the orders' quantities",
      ok: lost.length === 0,
      detail: lost.length ? list(lost) : `${ORDERED.length} items, no update lost`,
    },
  ];
}

export async function checkEnrolments(ack: Acknowledged): Promise<Check[]> {
  const sessions = ack.sessions.map((s) => `'${s.id}'`).join(',');
  const rows = await sql<{ id: string; session_id: string; employee_id: string; status: string }>(
    'academy',
    `SELECT id, session_id, employee_id, status::text FROM enrolment WHERE session_id IN (${sessions})`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = [...ack.enrolments].filter(([id, a]) => {
    const row = byId.get(id);
    return !row || row.session_id !== a.sessionId || row.employee_id !== a.employeeId || row.status !== a.status;
  });
  const earlierMissing = [...ack.enrolledEarlier].filter(
    (pair) => !rows.some((r) => `${r.session_id}/${r.employee_id}` === pair && r.status !== 'CANCELLED'),
  );
  const perPair = new Map<string, number>();
  for (const r of rows.filter((r) => r.status !== 'CANCELLED'))
    perPair.set(`${r.session_id}/${r.employee_id}`, (perPair.get(`${r.session_id}/${r.employee_id}`) ?? 0) + 1);
  const twice = [...perPair].filter(([, n]) => n > 1).map(([p]) => p);
  const repeatsAccepted = ack.enrolmentRepeats.filter((r) => r.acknowledged > 1).map((r) => r.pair);
  const seats = await sql<{ id: string; capacity: number; enrolled_count: number; enrolled: number; waiting: number }>(
    'academy',
    `SELECT s.id, s.capacity, s.enrolled_count,
       (SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.status = 'ENROLLED')::int AS enrolled,
       (SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.status = 'WAITLISTED')::int AS waiting
     FROM course_session s WHERE s.id IN (${sessions})`,
  );
  const overbooked = seats.filter((s) => s.enrolled > s.capacity || s.enrolled_count !== s.enrolled);
  const waitingWithSeats = seats.filter((s) => s.waiting > 0 && s.enrolled < s.capacity);
  const members = MEMBERS.map((m) => `'${m}'`).join(',');
  const budgets = await sql<{ member_id: string; granted: string; reserved: string; spent: string; held: string }>(
    'academy',
    `SELECT b.member_id, b.granted::text, b.reserved::text, b.spent::text,
       (SELECT coalesce(sum(e.reserved_amount), 0) FROM enrolment e WHERE e.member_id = b.member_id
          AND e.budget_year = b.year AND e.status IN ('REQUESTED', 'ENROLLED', 'WAITLISTED'))::text AS held
     FROM training_budget b WHERE b.year = ${ack.budgetYear} AND b.member_id IN (${members})`,
  );
  const cents = (s: string) => Math.round(Number(s) * 100);
  const badBudgets = budgets.filter(
    (b) => cents(b.reserved) !== cents(b.held) || cents(b.reserved) + cents(b.spent) > cents(b.granted),
  );
  const seatsTaken = seats.reduce((n, s) => n + s.enrolled, 0);
  const capacity = seats.reduce((n, s) => n + s.capacity, 0);
  return [
    {
      name: 'enrolments: every acknowledged enrolment is stored as answered',
      ok: missing.length === 0 && earlierMissing.length === 0,
      detail: `${ack.enrolments.size} acknowledged, ${rows.length} stored; ${ack.enrolledEarlier.size} retried found done by an earlier attempt, and stored${
        missing.length || earlierMissing.length
          ? `; missing or different: ${list([...missing.map(([id]) => id), ...earlierMissing])}`
          : ''
      }`,
    },
    {
      name: 'enrolments: one per employee and session',
      ok: twice.length === 0 && repeatsAccepted.length === 0,
      detail:
        twice.length || repeatsAccepted.length
          ? `twice: ${list([...twice, ...repeatsAccepted])}`
          : `${perPair.size} pairs, none twice; ${ack.enrolmentRepeats.filter((r) => r.how === 'again').length} enrolled again and ${
              ack.enrolmentRepeats.filter((r) => r.how === 'twins').length
            } twice at once, never acknowledged twice (the others: ${
              tallyOf(ack.enrolmentRepeats.flatMap((r) => r.results).filter((r) => r !== 'acknowledged')) || 'none'
            })`,
    },
    {
      name: "sessions: no more enrolled than seats, the session's count right, a waitlist only when full",
      ok: overbooked.length === 0 && waitingWithSeats.length === 0,
      detail: `${seatsTaken} of ${capacity} seats taken in ${seats.length} sessions, ${seats.reduce((n, s) => n + s.waiting, 0)} waitlisted${
        overbooked.length || waitingWithSeats.length
          ? `; wrong: ${list([...overbooked, ...waitingWithSeats].map((s) => `${s.id} (${s.enrolled}/${s.capacity}, count ${s.enrolled_count}, waiting ${s.waiting})`))}`
          : ''
      }`,
    },
    {
      name: 'budgets: reserved is what the enrolments hold, never beyond what was granted',
      ok: badBudgets.length === 0 && budgets.length === MEMBERS.length,
      detail: badBudgets.length
        ? list(badBudgets.map((b) => `${b.member_id}: reserved ${b.reserved}, held ${b.held}, granted ${b.granted}`))
        : `${budgets.length} budgets, reserved €${(budgets.reduce((n, b) => n + cents(b.reserved), 0) / 100).toFixed(2)} in all`,
    },
  ];
}

export async function checkPayroll(ack: Acknowledged): Promise<Check[]> {
  const members = MEMBERS.map((m) => `'${m}'`).join(',');
  const runs = await sql<{ id: string; member_id: string; year: number; month: number; payslips: number }>(
    'hr-payroll',
    `SELECT r.id, r.member_id, r.year, r.month, (SELECT count(*) FROM payslip p WHERE p.run_id = r.id)::int AS payslips
     FROM payroll_run r WHERE r.member_id IN (${members}) AND r.year = ${ack.payrollYear}`,
  );
  const byId = new Map(runs.map((r) => [r.id, r]));
  const wrong = [...ack.runs].filter(([id, a]) => {
    const run = byId.get(id);
    return (
      !run || run.member_id !== a.memberId || run.month !== a.month || run.payslips !== a.payslips || a.payslips === 0
    );
  });
  const perMonth = new Map<string, number>();
  for (const r of runs) perMonth.set(`${r.member_id}/${r.month}`, (perMonth.get(`${r.member_id}/${r.month}`) ?? 0) + 1);
  const twice = [...perMonth].filter(([, n]) => n > 1).map(([m]) => m);
  const twinsApart = ack.payrollTwins.filter((ids) => ids.length === 2 && ids[0] !== ids[1]);
  const payslips = [...ack.runs.values()].reduce((n, r) => n + r.payslips, 0);
  return [
    {
      name: 'payroll: every acknowledged run is stored with all its payslips',
      ok: wrong.length === 0,
      detail: `${ack.runs.size} runs acknowledged with ${payslips} payslips, ${runs.length} stored${
        wrong.length
          ? `; missing or different: ${list(wrong.map(([id, a]) => `${id} (answered ${a.payslips} payslips, stored ${byId.get(id)?.payslips ?? 'no run'})`))}`
          : ''
      }`,
    },
    {
      name: 'payroll: one run per member and month, also when calculated twice at once',
      ok: twice.length === 0 && twinsApart.length === 0,
      detail:
        twice.length || twinsApart.length
          ? `twice: ${list([...twice, ...twinsApart.map((ids) => ids.join(' and '))])}`
          : `${perMonth.size} member-months, none twice; ${ack.payrollTwins.length} calculated twice at once (${
              ack.payrollTwins.filter((ids) => ids.length === 2).length
            } both answered, with the same run)`,
    },
  ];
}
