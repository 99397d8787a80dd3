import { BadUserInputError, formatCalendarDate, NotFoundError } from '@samen-sterk/subgraph-runtime';
import { exact, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { CaoContext } from '../builder';
import { publishedVersions } from '../data/versions';
import { monthlyFromHourly } from '../domain/conversion';
import { versionInForce } from '../domain/versions';
import { computeWage, type Wage } from '../domain/wage';
import { minimumWageOn, type MinimumWageShape } from './minimum-wage';

/**
 * Look-ups in the agreement: which version is in force on a date, the wage for a scale and
 * step (one, or a payroll run's thousands), the scales for pickers and the cells that fell
 * below the minimum wage. Everyone signed in asks these; the rules are in domain/.
 */

/** The published version in force on a date (by after-effect after its end); NOT_FOUND before the first. */
export async function inForceOn(ctx: CaoContext, on: Date) {
  const found = versionInForce(await publishedVersions(ctx), on);
  if (!found) throw new NotFoundError('A CAO version in force on', formatCalendarDate(on));
  return found;
}

/** The version in force on a date, as the schema's in-force answers refer to it. */
export interface InForceShape {
  versionId: string;
  afterEffect: boolean;
  on: Date;
}

export async function caoInForce(ctx: CaoContext, on: Date) {
  const { version, afterEffect } = await inForceOn(ctx, on);
  return { versionId: version.id, afterEffect, on, name: version.name, effectiveTo: version.effectiveTo };
}

/** The scales and steps in force on a date (the schema reads them from the version). */
export const wageScalesOn = async (ctx: CaoContext, on: Date): Promise<InForceShape> => {
  const { versionId, afterEffect } = await caoInForce(ctx, on);
  return { versionId, afterEffect, on };
};

export interface WageQuestion {
  scale: number;
  step: number;
  on: Date;
  hoursPerWeek?: Exact | null;
  age?: number | null;
}

export interface WageLookupShape extends Wage, InForceShape {
  scale: number;
  step: number;
  hoursPerWeek: Exact;
  minimumWage: MinimumWageShape;
}

/** One wage look-up; `field` prefixes the names of offending inputs (for the batch form). */
export async function lookUpWage(ctx: CaoContext, args: WageQuestion, field = ''): Promise<WageLookupShape> {
  const { version, afterEffect } = await inForceOn(ctx, args.on);
  const scale = version.scales.find((s) => s.scale === args.scale);
  if (!scale) {
    const numbers = version.scales.map((s) => s.scale);
    throw new BadUserInputError(
      `${field}scale`,
      `${version.name} has no scale ${args.scale}; its scales are ${numbers[0]}–${numbers[numbers.length - 1]}.`,
    );
  }
  const cell = scale.steps.find((s) => s.step === args.step);
  if (!cell) {
    throw new BadUserInputError(
      `${field}step`,
      `Scale ${args.scale} of ${version.name} has no step ${args.step}; its steps are 0–${scale.steps.length - 1}.`,
    );
  }
  const minimumWage = await minimumWageOn(ctx, args.on, args.age ?? 21, `${field}age`);
  const hoursPerWeek = args.hoursPerWeek ?? exact(version.fullTimeHoursPerWeek);
  const wage = computeWage({
    version,
    afterEffect,
    scale: args.scale,
    step: args.step,
    tableMonthlyFullTime: exact(cell.monthlyFullTime),
    on: args.on,
    hoursPerWeek,
    minimumWage,
  });
  return {
    ...wage,
    scale: args.scale,
    step: args.step,
    on: args.on,
    hoursPerWeek,
    versionId: version.id,
    afterEffect,
    minimumWage,
  };
}

/** Look-ups answered before other requests get their turn. */
const WAGE_SLICE = 100;

/** Many look-ups (a payroll run's), answered in order; `requests.N.` names an offending input. */
export async function lookUpWages(ctx: CaoContext, requests: readonly WageQuestion[]): Promise<WageLookupShape[]> {
  const answers: WageLookupShape[] = [];
  // In slices, giving the event loop back between them: a batch of 2,000 is all microtasks
  // otherwise, and every other caller of this process waits until it is done.
  for (let start = 0; start < requests.length; start += WAGE_SLICE) {
    if (start > 0) await new Promise((resume) => setImmediate(resume));
    const slice = requests.slice(start, start + WAGE_SLICE);
    answers.push(...(await Promise.all(slice.map((r, i) => lookUpWage(ctx, r, `requests.${start + i}.`)))));
  }
  return answers;
}

export interface CellBelowMinimum {
  scale: number;
  step: number;
  monthlyFullTime: Exact;
  shortfall: Exact;
}

export interface BelowMinimumReport extends InForceShape {
  minimumWage: MinimumWageShape;
  minimumWageMonthlyFullTime: Exact;
  cells: CellBelowMinimum[];
}

/**
 * For a date, every cell of the table in force whose full-time amount is below the adult
 * statutory minimum wage: where indexation overtook the table.
 */
export async function cellsBelowMinimumWage(ctx: CaoContext, on: Date): Promise<BelowMinimumReport> {
  const { version, afterEffect } = await inForceOn(ctx, on);
  const minimumWage = await minimumWageOn(ctx, on, 21);
  const fullTime = exact(version.fullTimeHoursPerWeek);
  const minimumMonthly = monthlyFromHourly(minimumWage.hourly, fullTime, version);
  const cells = version.scales
    .flatMap((s) => s.steps.map((c) => ({ scale: s.scale, step: c.step, monthlyFullTime: exact(c.monthlyFullTime) })))
    .filter((c) => c.monthlyFullTime.lessThan(minimumMonthly))
    .map((c) => ({ ...c, shortfall: minimumMonthly.minus(c.monthlyFullTime) }));
  return { on, versionId: version.id, afterEffect, minimumWage, minimumWageMonthlyFullTime: minimumMonthly, cells };
}
