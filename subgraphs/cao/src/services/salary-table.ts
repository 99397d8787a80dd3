import { BadUserInputError, checkDecimal } from '@samen-sterk/subgraph-runtime';
import { exact, HUNDRED, roundCents, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { CaoContext } from '../builder';
import { versionWithTable, type Tx, type VersionWithTable } from '../data/versions';
import { cellField, validateSalaryTable, type TableScale } from '../domain/salary-table';
import { changeDraft, recordVersionChange, snapshot, type VersionSelection } from './draft-change';

/**
 * Changes to a draft's salary table: a general increase by a percentage, or cells set, added
 * and removed. Either way the whole new table is checked (domain/salary-table.ts) before it
 * replaces the old one, and the change is logged with the table before and after.
 */

/** A version's table as exact amounts, to change and check. */
export const tableOf = (version: VersionWithTable): TableScale[] =>
  version.scales.map((s) => ({
    scale: s.scale,
    steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: exact(c.monthlyFullTime) })),
  }));

/** Replaces a draft's salary table with `scales` (validated first), and logs the change. */
async function writeTable(
  tx: Tx,
  ctx: CaoContext,
  version: VersionWithTable,
  scales: TableScale[],
  action: string,
  details: object,
) {
  validateSalaryTable(scales);
  await tx.wageScale.deleteMany({ where: { versionId: version.id } });
  for (const scale of scales) {
    await tx.wageScale.create({
      data: {
        versionId: version.id,
        scale: scale.scale,
        steps: { create: scale.steps.map((c) => ({ step: c.step, monthlyFullTime: c.monthlyFullTime.toFixed(2) })) },
      },
    });
  }
  const after = (await versionWithTable(tx, version.id))!;
  await recordVersionChange(tx, ctx, action, version.id, {
    before: snapshot(version),
    after: { ...snapshot(after), ...details },
  });
}

/**
 * Raises every cell of a draft (or of the scales given) by a percentage. Rounding: each new
 * amount is old × (1 + percent / 100), rounded half up to the cent, cell by cell.
 */
export function applyGeneralIncrease(
  ctx: CaoContext,
  id: string,
  input: { percent: Exact; scales?: number[] | null },
  query: VersionSelection,
) {
  checkDecimal(input.percent, 'input.percent', 'A general increase (a percentage)', {
    min: -100,
    minExclusive: true,
    max: 100,
    places: 4,
  });
  return changeDraft(ctx, id, query, async (tx, version) => {
    const table = tableOf(version);
    const wanted = input.scales ?? table.map((s) => s.scale);
    const missing = wanted.find((n) => !table.some((s) => s.scale === n));
    if (missing !== undefined) throw new BadUserInputError('input.scales', `${version.name} has no scale ${missing}.`);
    const factor = HUNDRED.plus(input.percent).div(HUNDRED);
    const raised = table.map((s) =>
      wanted.includes(s.scale)
        ? { ...s, steps: s.steps.map((c) => ({ ...c, monthlyFullTime: roundCents(c.monthlyFullTime.times(factor)) })) }
        : s,
    );
    await writeTable(tx, ctx, version, raised, 'GENERAL_INCREASE', {
      percent: input.percent.toString(),
      scales: wanted,
    });
  });
}

export interface WageCell {
  scale: number;
  step: number;
  /** The new amount; null removes the cell. */
  monthlyFullTime?: Exact | null;
}

/** Sets, adds or removes cells of a draft's salary table; the whole table is then checked. */
export function setWageCells(ctx: CaoContext, id: string, cells: WageCell[], query: VersionSelection) {
  // Each cell's own checks before the transaction; the whole table is checked in it.
  cells.forEach((cell, index) => {
    if (cell.monthlyFullTime != null && cell.monthlyFullTime.decimalPlaces() > 2) {
      throw new BadUserInputError(
        `cells.${index}.monthlyFullTime`,
        `${cellField(cell.scale, cell.step)}: amounts are in euros and cents.`,
      );
    }
  });
  return changeDraft(ctx, id, query, async (tx, version) => {
    const table = tableOf(version);
    cells.forEach((cell) => {
      let scale = table.find((s) => s.scale === cell.scale);
      if (!scale) {
        scale = { scale: cell.scale, steps: [] };
        table.push(scale);
      }
      scale.steps = scale.steps.filter((c) => c.step !== cell.step);
      if (cell.monthlyFullTime != null) scale.steps.push({ step: cell.step, monthlyFullTime: cell.monthlyFullTime });
    });
    const kept = table.filter((s) => s.steps.length > 0).sort((a, b) => a.scale - b.scale);
    await writeTable(tx, ctx, version, kept, 'SET_CELLS', {
      cells: cells.map((c) => ({
        scale: c.scale,
        step: c.step,
        monthlyFullTime: c.monthlyFullTime?.toString() ?? null,
      })),
    });
  });
}
