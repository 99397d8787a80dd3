import { recordChange, type Identity } from '@samen-sterk/subgraph-runtime';
import { formatAmount } from '@samen-sterk/subgraph-runtime/pure';
import type { CaoContext } from '../builder';
import { draftForChange, type Tx, type VersionWithTable } from '../data/versions';

/**
 * What every change to the agreement shares: it runs in one transaction on a locked draft
 * (published versions never change), is recorded in the audit log with before and after, and
 * answers with the version as the caller asked for it, read in the same transaction.
 */

/** Reads the changed version for the answer, in the change's transaction (the schema's query). */
export type Reread<T> = (tx: Tx, id: string) => Promise<T>;

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

/** Runs `change` on draft `id`, locked, in one transaction; answers with the version reread. */
export function changeDraft<T>(
  ctx: CaoContext,
  id: string,
  reread: Reread<T>,
  change: (tx: Tx, draft: VersionWithTable) => Promise<void>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await change(tx, await draftForChange(tx, id));
    return reread(tx, id);
  });
}
