import { BadUserInputError, formatCalendarDate, parseCalendarDate, PlatformError } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from './builder';

/**
 * Asks the CAO subgraph for wages: payroll never keeps its own copy of the agreement. The
 * caller's token goes along, so the CAO subgraph checks who asks. Answers name the CAO version
 * used, so that whatever is computed from them can be explained later.
 */
export interface CaoWage {
  monthly: string;
  hourly: string;
  monthlyFullTime: string;
  basis: 'CAO_TABLE' | 'MINIMUM_WAGE_SCALE' | 'LIFTED_TO_MINIMUM_WAGE';
  liftedToMinimumWage: boolean;
  afterEffect: boolean;
  version: {
    id: string;
    name: string;
    fullTimeHoursPerWeek: string;
    holidayAllowance: { percent: string; paymentMonth: number; accrualStartMonth: number };
  };
  minimumWage: { hourly: string };
  explanation: string[];
}

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

const WAGE = /* GraphQL */ `
  query Wage($scale: Int!, $step: Int!, $on: Date!, $hoursPerWeek: Decimal, $age: Int) {
    wage(scale: $scale, step: $step, on: $on, hoursPerWeek: $hoursPerWeek, age: $age) {
      ...WageFields
    }
  }
  ${WAGE_FIELDS}
`;

const WAGES = /* GraphQL */ `
  query Wages($requests: [WageRequest!]!) {
    wages(requests: $requests) {
      ...WageFields
    }
  }
  ${WAGE_FIELDS}
`;

export interface WageQuestion {
  scale: number;
  step: number;
  on: Date;
  hoursPerWeek: string;
  age: number;
}

/**
 * The CAO's answer for one employment on one date. CAO input errors (no such scale or step,
 * hours above full time) come back as BAD_USER_INPUT on `fieldPrefix`.
 */
/** Sends one query to the CAO subgraph with the caller's token; CAO input errors become ours on `fieldPrefix`. */
async function askCao<Data>(ctx: HrContext, query: string, variables: object, fieldPrefix: string): Promise<Data> {
  const response = await fetch(ctx.serviceUrl('cao'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ctx.authorization ? { authorization: ctx.authorization } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  }).catch(() => null);
  if (!response) throw new PlatformError('INTERNAL_SERVER_ERROR', 'The CAO service did not answer; try again shortly.');
  const body = (await response.json()) as {
    data?: Data | null;
    errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  };
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'BAD_USER_INPUT') {
      const cause = (error.extensions?.field ?? '').replace(/^requests\.\d+\./, '');
      const field = { scale: 'caoScale', step: 'caoStep', hoursPerWeek: 'hoursPerWeek' }[cause] ?? (cause || 'on');
      throw new BadUserInputError(`${fieldPrefix}.${field}`, error.message);
    }
    if (code === 'NOT_FOUND') throw new BadUserInputError(`${fieldPrefix}.startDate`, error.message);
    throw new PlatformError(
      code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'INTERNAL_SERVER_ERROR',
      `The CAO service refused: ${error.message}`,
    );
  }
  return body.data!;
}

const variablesOf = (question: WageQuestion) => ({
  ...question,
  on: formatCalendarDate(question.on),
  age: Math.max(question.age, 15),
});

/**
 * The CAO's answer for one employment on one date. CAO input errors (no such scale or step,
 * hours above full time) come back as BAD_USER_INPUT on `fieldPrefix`.
 */
export async function caoWage(ctx: HrContext, question: WageQuestion, fieldPrefix = 'input'): Promise<CaoWage> {
  return (await askCao<{ wage: CaoWage }>(ctx, WAGE, variablesOf(question), fieldPrefix)).wage;
}

/** Many answers at once (a payroll run), in order, a few requests for thousands of employments. */
export async function caoWages(
  ctx: HrContext,
  questions: WageQuestion[],
  fieldPrefix = 'employments',
): Promise<CaoWage[]> {
  const CHUNK = 2000; // the CAO subgraph's limit per request
  const answers: CaoWage[] = [];
  for (let i = 0; i < questions.length; i += CHUNK) {
    const chunk = questions.slice(i, i + CHUNK).map(variablesOf);
    answers.push(...(await askCao<{ wages: CaoWage[] }>(ctx, WAGES, { requests: chunk }, fieldPrefix)).wages);
  }
  return answers;
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
