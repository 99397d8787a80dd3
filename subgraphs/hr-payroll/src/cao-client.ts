import {
  askService,
  BadUserInputError,
  formatCalendarDate,
  parseCalendarDate,
  refusedBy,
  serviceOperation,
  type ServiceOperation,
} from '@samen-sterk/subgraph-runtime';
import type { HrContext } from './builder';
import type {
  PublicationsQuery,
  PublicationsVariables,
  WageFieldsFragment,
  WageQuery,
  WageScalesQuery,
  WageScalesVariables,
  WagesQuery,
  WagesVariables,
  WageVariables,
} from './cao-client.generated';
import { timedPhase } from './services/phases';

/**
 * Asks the CAO subgraph for wages: payroll never keeps its own copy of the agreement. The
 * caller's token goes along, so the CAO subgraph checks who asks. Answers name the CAO version
 * used, so that whatever is computed from them can be explained later.
 *
 * The answers' types are generated from the CAO's committed SDL (subgraphs/cao/schema.graphql)
 * and the operations below, into `cao-client.generated.ts`; `__tests__/cao-client.test.ts`
 * validates every operation against that SDL and fails when the generated types are stale.
 */
export type CaoWage = WageFieldsFragment;

const WAGE_FIELDS = /* GraphQL */ `
  fragment WageFields on WageLookup {
    monthly
    hourly
    monthlyFullTime
    basis
    liftedToMinimumWage
    afterEffect
    version {
      id
      name
      fullTimeHoursPerWeek
      holidayAllowance {
        percent
        paymentMonth
        accrualStartMonth
      }
    }
    minimumWage {
      hourly
    }
    explanation
  }
`;

const WAGE = serviceOperation<WageQuery, WageVariables>(/* GraphQL */ `
  query Wage($scale: Int!, $step: Int!, $on: Date!, $hoursPerWeek: Decimal, $age: Int) {
    wage(scale: $scale, step: $step, on: $on, hoursPerWeek: $hoursPerWeek, age: $age) {
      ...WageFields
    }
  }
  ${WAGE_FIELDS}
`);

const WAGES = serviceOperation<WagesQuery, WagesVariables>(/* GraphQL */ `
  query Wages($requests: [WageRequest!]!) {
    wages(requests: $requests) {
      ...WageFields
    }
  }
  ${WAGE_FIELDS}
`);

export interface WageQuestion {
  scale: number;
  step: number;
  on: Date;
  hoursPerWeek: string;
  age: number;
}

/** Sends one query to the CAO subgraph with the caller's token; CAO input errors become ours on `fieldPrefix`. */
async function askCao<Data, Variables extends object>(
  ctx: HrContext,
  query: ServiceOperation<Data, Variables>,
  variables: Variables,
  fieldPrefix: string,
): Promise<Data> {
  const answer = await askService(ctx, 'cao', { query, variables, label: 'CAO service', timeoutMs: 60_000 });
  const error = answer.errors[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'BAD_USER_INPUT') {
      const cause = (error.extensions?.field ?? '').replace(/^requests\.\d+\./, '');
      const field = { scale: 'caoScale', step: 'caoStep', hoursPerWeek: 'hoursPerWeek' }[cause] ?? (cause || 'on');
      throw new BadUserInputError(`${fieldPrefix}.${field}`, error.message);
    }
    if (code === 'NOT_FOUND') throw new BadUserInputError(`${fieldPrefix}.startDate`, error.message);
    throw refusedBy('cao', 'CAO service', error);
  }
  return answer.data!;
}

/** The age the CAO is asked for: at least 15, as its service takes it. */
const caoAge = (age: number) => Math.max(age, 15);

const variablesOf = (question: WageQuestion) => ({
  ...question,
  on: formatCalendarDate(question.on),
  age: caoAge(question.age),
});

/**
 * The CAO's answer for one employment on one date. CAO input errors (no such scale or step,
 * hours above full time) come back as BAD_USER_INPUT on `fieldPrefix`.
 */
export async function caoWage(ctx: HrContext, question: WageQuestion, fieldPrefix = 'input'): Promise<CaoWage> {
  return (await askCao(ctx, WAGE, variablesOf(question), fieldPrefix)).wage;
}

/** Many answers at once (a payroll run), in order, a few requests for thousands of employments. */
export async function caoWages(
  ctx: HrContext,
  questions: WageQuestion[],
  fieldPrefix = 'employments',
): Promise<CaoWage[]> {
  return timedPhase('cao-lookup', questions.length, async () => {
    const CHUNK = 2000; // the CAO subgraph's limit per request
    // A sector's employments share a few thousand (scale, step, date, hours, age): each distinct
    // question is asked once, and its answer shared by every employment that asked it.
    const distinct = new Map<string, number>();
    const asked: ReturnType<typeof variablesOf>[] = [];
    const slots = questions.map((question) => {
      const variables = variablesOf(question);
      const key = `${variables.scale}|${variables.step}|${variables.on}|${variables.hoursPerWeek}|${variables.age}`;
      let slot = distinct.get(key);
      if (slot === undefined) {
        slot = asked.push(variables) - 1;
        distinct.set(key, slot);
      }
      return slot;
    });
    const answers: CaoWage[] = [];
    for (let i = 0; i < asked.length; i += CHUNK) {
      const chunk = asked.slice(i, i + CHUNK);
      answers.push(...(await askCao(ctx, WAGES, { requests: chunk }, fieldPrefix)).wages);
    }
    return slots.map((slot) => answers[slot]!);
  });
}

/** What makes two wage questions the same question (as the CAO is asked it). */
export const wageQuestionKey = (question: WageQuestion) =>
  // The day as its time value (a calendar date at 00:00 UTC): formatting it was most of the key's
  // cost, asked twice for each employment of a run. The age as variablesOf sends it.
  `${question.scale}|${question.step}|${question.on.getTime()}|${question.hoursPerWeek}|${caoAge(question.age)}`;

/**
 * Wage questions collected first (a run's pass over its employments keeps only the distinct
 * ones), then asked in one go; `answer` finds each question's answer again, undefined for a
 * question that was not collected.
 */
export class WageBook {
  private readonly questions = new Map<string, WageQuestion>();
  private answers = new Map<string, CaoWage>();

  add(question: WageQuestion) {
    const key = wageQuestionKey(question);
    if (!this.questions.has(key)) this.questions.set(key, question);
  }

  async ask(ctx: HrContext, fieldPrefix = 'employments') {
    const keys = [...this.questions.keys()];
    const answers = await caoWages(ctx, [...this.questions.values()], fieldPrefix);
    this.answers = new Map(keys.map((key, i) => [key, answers[i]!]));
  }

  answer(question: WageQuestion): CaoWage | undefined {
    return this.answers.get(wageQuestionKey(question));
  }
}

/**
 * The CAO's answer for one employment, batched per request: a list of employees with their
 * wages costs one request to the CAO service, not one per employment (and `wage` and
 * `wageScale` of the same employment share one answer).
 */
export function caoWageBatched(ctx: HrContext, question: WageQuestion, fieldPrefix: string): Promise<CaoWage> {
  const key = JSON.stringify({ ...question, on: formatCalendarDate(question.on) });
  return ctx.loaders
    .get<string, CaoWage>('cao-wages', async (keys) => {
      const questions = keys.map((k) => {
        const parsed = JSON.parse(k) as WageQuestion & { on: string };
        return { ...parsed, on: parseCalendarDate(parsed.on)! };
      });
      return caoWages(ctx, questions, fieldPrefix);
    })
    .load(key) as Promise<CaoWage>;
}

const WAGE_SCALES = serviceOperation<WageScalesQuery, WageScalesVariables>(/* GraphQL */ `
  query WageScales($on: Date!) {
    wageScales(on: $on) {
      scales {
        scale
        steps {
          step
        }
      }
    }
  }
`);

/**
 * The top step of every scale in the CAO version in force on a date (scale → step), in one
 * request: step increases go "up to the scale maximum". A date no CAO version covers is
 * BAD_USER_INPUT on `field`.
 */
export async function caoScaleMaxima(ctx: HrContext, on: Date, field = 'on'): Promise<Map<number, number>> {
  const data = await askCao(ctx, WAGE_SCALES, { on: formatCalendarDate(on) }, field).catch((error: unknown) => {
    if (error instanceof BadUserInputError) throw new BadUserInputError(field, error.message);
    throw error;
  });
  return new Map(data.wageScales.scales.map((s) => [s.scale, Math.max(...s.steps.map((c) => c.step))]));
}

/** A CAO version or statutory minimum-wage rate: when it was published and the period it covers. */
export interface CaoPublication {
  kind: 'CAO_VERSION' | 'MINIMUM_WAGE';
  name: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  publishedAt: Date;
}

const PUBLICATIONS = serviceOperation<PublicationsQuery, PublicationsVariables>(/* GraphQL */ `
  query Publications {
    caoVersions(filter: { status: PUBLISHED }, first: 100) {
      edges {
        node {
          name
          effectiveFrom
          effectiveTo
          publishedAt
        }
      }
    }
    minimumWageRates(first: 100) {
      edges {
        node {
          effectiveFrom
          publishedAt
        }
      }
    }
  }
`);

/**
 * Every published CAO version and minimum-wage rate (a few a year: the newest 100 of each
 * reach back decades), to find payroll settled before something that applies to it was published.
 */
export async function caoPublications(ctx: HrContext): Promise<CaoPublication[]> {
  type Node = { name?: string; effectiveFrom: string | null; effectiveTo?: string | null; publishedAt: string | null };
  const data = await askCao(ctx, PUBLICATIONS, {}, 'publications');
  const of = (kind: CaoPublication['kind'], node: Node): CaoPublication[] =>
    node.effectiveFrom && node.publishedAt
      ? [
          {
            kind,
            name: node.name ?? `Minimum wage from ${node.effectiveFrom}`,
            effectiveFrom: parseCalendarDate(node.effectiveFrom)!,
            effectiveTo: node.effectiveTo ? parseCalendarDate(node.effectiveTo)! : null,
            publishedAt: new Date(node.publishedAt),
          },
        ]
      : [];
  return [
    ...data.caoVersions.edges.flatMap((e) => of('CAO_VERSION', e.node)),
    ...data.minimumWageRates.edges.flatMap((e) => of('MINIMUM_WAGE', e.node)),
  ];
}

/** Every operation this client sends to the CAO subgraph (its test checks them against the CAO's SDL). */
export const CAO_OPERATIONS = [WAGE, WAGES, WAGE_SCALES, PUBLICATIONS];
