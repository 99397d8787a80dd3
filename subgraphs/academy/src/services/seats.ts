import { recordChange } from '@samen-sterk/subgraph-runtime';
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
 * session's lock; budgets are locked in member order, so that two such runs never wait on each
 * other's budgets.
 */
export async function cancelAll(
  tx: Prisma.TransactionClient,
  enrolments: readonly Cancellable[],
  change: { actorId: string; reason: string; now: Date },
) {
  const inOrder = [...enrolments].sort((a, b) => a.memberId.localeCompare(b.memberId) || a.id.localeCompare(b.id));
  for (const enrolment of inOrder) {
    await tx.enrolment.update({
      where: { id: enrolment.id },
      data: { status: 'CANCELLED', activeSessionId: null, statusChangedAt: change.now },
    });
    const movement = movementFor('CANCELLED', enrolment.reservedAmount.toFixed(2));
    if (movement && enrolment.budgetYear !== null) {
      const budget = await lockBudget(tx, enrolment.memberId, enrolment.budgetYear);
      if (budget) await storeMovement(tx, budget, enrolment.id, movement);
    }
    await recordChange(tx, {
      actorId: change.actorId,
      memberId: enrolment.memberId,
      action: 'ENROLMENT_CANCELLED',
      entityType: 'Enrolment',
      entityId: enrolment.id,
      before: { status: enrolment.status },
      after: { status: 'CANCELLED', reason: change.reason },
    });
  }
  return inOrder.length;
}
