import { recordChange, recordChanges } from '@samen-sterk/subgraph-runtime';
import { lockBudget } from '../data/enrolments';
import { applyMovement, movementFor, type Movement } from '../domain/budget';
import { promote } from '../domain/enrolment';
import type { Prisma } from '../generated/prisma/client';

/**
 * Seats and money moved under locks the caller holds: the session's row (seats) and the
 * member's budget row (movements).
 */

/** Gives free seats to the waitlist's first, in arrival order; the caller holds the session's lock. */
export async function fillFreeSeats(tx: Prisma.TransactionClient, sessionId: string, reason: string) {
  const session = await tx.courseSession.findUniqueOrThrow({ where: { id: sessionId } });
  const free = session.capacity - session.enrolledCount;
  if (free <= 0) return [];
  const waitlist = await tx.enrolment.findMany({
    where: { sessionId, status: 'WAITLISTED' },
    orderBy: { waitlistPosition: 'asc' },
    take: free,
    select: { id: true, waitlistPosition: true, memberId: true },
  });
  const { promoted } = promote(
    { capacity: session.capacity, enrolled: session.enrolledCount },
    waitlist.map((w) => ({ ...w, position: w.waitlistPosition! })),
  );
  if (promoted.length === 0) return [];
  const now = new Date();
  await tx.enrolment.updateMany({
    where: { id: { in: promoted.map((p) => p.id) }, status: 'WAITLISTED' },
    data: { status: 'ENROLLED', statusChangedAt: now },
  });
  await tx.courseSession.update({
    where: { id: sessionId },
    data: { enrolledCount: { increment: promoted.length } },
  });
  for (const p of promoted)
    await recordChange(tx, {
      actorId: 'platform',
      memberId: p.memberId,
      action: 'ENROLMENT_PROMOTED',
      entityType: 'Enrolment',
      entityId: p.id,
      before: { status: 'WAITLISTED', waitlistPosition: p.position },
      after: { status: 'ENROLLED', reason },
    });
  return promoted;
}

/** Applies a movement to the (locked) budget and stores it beside the enrolment. */
export async function storeMovement(
  tx: Prisma.TransactionClient,
  budget: {
    id: string;
    granted: { toFixed(n: number): string };
    reserved: { toFixed(n: number): string };
    spent: { toFixed(n: number): string };
  },
  enrolmentId: string,
  movement: Movement,
) {
  const after = applyMovement(
    { granted: budget.granted.toFixed(2), reserved: budget.reserved.toFixed(2), spent: budget.spent.toFixed(2) },
    movement,
  );
  await tx.trainingBudget.update({ where: { id: budget.id }, data: { reserved: after.reserved, spent: after.spent } });
  await tx.budgetMovement.create({
    data: { budgetId: budget.id, enrolmentId, kind: movement.kind, amount: movement.amount },
  });
}

/** An enrolment as `cancelAll` needs it. */
export interface Cancellable {
  id: string;
  status: string;
  memberId: string;
  budgetYear: number | null;
  reservedAmount: { toFixed(n: number): string };
}

/**
 * Cancels enrolments of one session at once (the session was cancelled, or it started while they
 * still waited or awaited approval), releasing each one's own reservation. The caller holds the
 * session's lock. A waitlist can be long, so the work is a few statements in all, not a few per
 * enrolment: one update of the enrolments, one lock and one update per member budget (in member
 * order, so that two such runs never wait on each other's budgets), one insert of the movements
 * and one of the audit entries.
 */
export async function cancelAll(
  tx: Prisma.TransactionClient,
  enrolments: readonly Cancellable[],
  change: { actorId: string; reason: string; now: Date },
) {
  if (enrolments.length === 0) return 0;
  await tx.enrolment.updateMany({
    where: { id: { in: enrolments.map((e) => e.id) } },
    data: { status: 'CANCELLED', activeSessionId: null, statusChangedAt: change.now },
  });
  const releases = new Map<string, { memberId: string; year: number; items: { id: string; movement: Movement }[] }>();
  for (const enrolment of enrolments) {
    const movement = movementFor('CANCELLED', enrolment.reservedAmount.toFixed(2));
    if (!movement || enrolment.budgetYear === null) continue;
    const key = `${enrolment.memberId}:${enrolment.budgetYear}`;
    const entry = releases.get(key) ?? { memberId: enrolment.memberId, year: enrolment.budgetYear, items: [] };
    entry.items.push({ id: enrolment.id, movement });
    releases.set(key, entry);
  }
  const movements: { budgetId: string; enrolmentId: string; kind: Movement['kind']; amount: string }[] = [];
  for (const release of [...releases.values()].sort(
    (a, b) => a.memberId.localeCompare(b.memberId) || a.year - b.year,
  )) {
    const budget = await lockBudget(tx, release.memberId, release.year);
    if (!budget) continue;
    let state = {
      granted: budget.granted.toFixed(2),
      reserved: budget.reserved.toFixed(2),
      spent: budget.spent.toFixed(2),
    };
    for (const item of release.items) {
      state = applyMovement(state, item.movement);
      movements.push({ budgetId: budget.id, enrolmentId: item.id, ...item.movement });
    }
    await tx.trainingBudget.update({
      where: { id: budget.id },
      data: { reserved: state.reserved, spent: state.spent },
    });
  }
  if (movements.length > 0) await tx.budgetMovement.createMany({ data: movements });
  await recordChanges(
    tx,
    enrolments.map((enrolment) => ({
      actorId: change.actorId,
      memberId: enrolment.memberId,
      action: 'ENROLMENT_CANCELLED',
      entityType: 'Enrolment',
      entityId: enrolment.id,
      before: { status: enrolment.status },
      after: { status: 'CANCELLED', reason: change.reason },
    })),
  );
  return enrolments.length;
}
