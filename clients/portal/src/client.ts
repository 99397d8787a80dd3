import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';

// Types without an id of their own are stored inside their parent (graphcache's "embedded").
const EMBEDDED = [
  'Keurmerk',
  'TrainingBudget',
  'MemberProcurementSpend',
  'NextPriceTier',
  'PriceTier',
  'ComplianceCheck',
  'PayslipLine',
  'PayslipPdf',
  'PassportSkill',
  'LearningPathStep',
  'WageStep',
  'WageScalesInForce',
  'CaoInForce',
  'ContractUtilisation',
  'ItemUtilisation',
  'Caller',
  'PageInfo',
  'CourseSkill',
  'WorkProcess',
  'PayrollRunSignalTotal',
  'OrderMatch',
  'HolidayAllowance',
  'LeaveEntitlement',
];

/** Drops every cached page of a list field of Query (all its arguments), so it is fetched again. */
function refetchList(cache: Cache, fieldName: string) {
  cache
    .inspectFields('Query')
    .filter((field) => field.fieldName === fieldName)
    .forEach((field) => cache.invalidate('Query', field.fieldName, field.arguments ?? undefined));
}

/** One client per signed-in person: its normalised cache is dropped with the session. */
export function createClient(url: string, token: string | null): Client {
  return new Client({
    url,
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({
      headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>),
    }),
    exchanges: [
      cacheExchange({
        keys: Object.fromEntries(EMBEDDED.map((name) => [name, () => null])),
        updates: {
          Mutation: {
            // New orders, runs and enrolments appear in lists fetched before: fetch those again.
            submitOrder: (_result, args, cache) => {
              refetchList(cache, 'orders');
              const input = args.input as { memberId?: string; contractId?: string } | undefined;
              if (input?.memberId) cache.invalidate({ __typename: 'Member', id: input.memberId });
              // The sector's volume grew: the contract's items have other tiers and progress now.
              if (input?.contractId) cache.invalidate({ __typename: 'Contract', id: input.contractId });
            },
            calculatePayrollRun: (_result, _args, cache) => refetchList(cache, 'payrollRuns'),
            enrol: (_result, args, cache) => {
              cache.invalidate({ __typename: 'Employee', id: String(args.employeeId) });
            },
          },
        },
      }),
      fetchExchange,
    ],
  });
}
