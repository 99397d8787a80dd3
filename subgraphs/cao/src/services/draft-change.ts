import { recordChange, type Identity, type Selection } from '@samen-sterk/subgraph-runtime';
import { formatAmount } from '@samen-sterk/subgraph-runtime/pure';
import type { CaoContext } from '../builder';
import { draftForChange, type Tx, type VersionWithTable } from '../data/versions';
import type { Prisma } from '../generated/prisma/client';

/**
 * What every change to the agreement shares: it runs in one transaction on a locked draft
 * (published versions never change), is recorded in the audit log with before and after, and
 * answers with the version as the caller asked for it, read in the same transaction.
 */

/** What the caller asked to read of the changed version (the schema's query). */
export type VersionSelection = Selection<Prisma.CaoVersionInclude, Prisma.CaoVersionSelect>;

/** The changed version for the answer, read in the change's transaction. */
export const reread = (tx: Tx, id: string, query: VersionSelection) =>
  tx.caoVersion.findUniqueOrThrow({ ...query, where: { id } });

/** Who made the change: the maintenance fields are for signed-in CAO staff only (access.ts). */
export const actorOf = (identity: Identity | null) => identity!.userId;

/** A version with its table as plain data, for the audit log. */
export function snapshot(version: VersionWithTable) {
  const { scales, ...terms } = version;
  return {
    ...terms,
    salaryTable: scales.map((s) => ({
      scale: s.scale,
      steps: s.steps.map((c) => [c.step, formatAmount(c.monthlyFullTime)]),
    })),
  };
}

/** Records a change to a CAO version in the audit log. */
export const recordVersionChange = (
  tx: Tx,
  ctx: CaoContext,
  action: string,
  id: string,
  states: { before?: object; after?: object },
) => recordChange(tx, { actorId: actorOf(ctx.identity), action, entityType: 'CaoVersion', entityId: id, ...states });

/** Runs `change` on draft `id`, locked, in one transaction; then `answer`, in it too. */
export function onDraft<T>(
  ctx: CaoContext,
  id: string,
  change: (tx: Tx, draft: VersionWithTable) => Promise<void>,
  answer: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await change(tx, await draftForChange(tx, id));
    return answer(tx);
  });
}

/** Runs `change` on draft `id` (see `onDraft`); answers with the version reread as the caller asked. */
export const changeDraft = (
  ctx: CaoContext,
  id: string,
  query: VersionSelection,
  change: (tx: Tx, draft: VersionWithTable) => Promise<void>,
) => onDraft(ctx, id, change, (tx) => reread(tx, id, query));
