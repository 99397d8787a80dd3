/**
 * The questions the gateway benchmark asks, each of every gateway and with the same token.
 *
 * - `directory`: one subgraph (members), the issue's first row: ten members' names and cities.
 * - `overview`: the portal's member overview, one request across every subgraph (members,
 *   procurement, hr-payroll, academy), asked by the demo director who may see all of it.
 * - `wages`: a member's employees with their CAO wage and wage scale: members → hr-payroll → CAO.
 */
export interface BenchQuery {
  name: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Sent straight to this subgraph too, to show what the gateway adds. */
  direct?: string;
}

export function benchQueries(memberId: string, year: number): BenchQuery[] {
  return [
    {
      name: 'directory',
      label: 'members(first: 10) { id name city } (one subgraph)',
      query: `query Directory { members(first: 10) { edges { node { id name city } } } }`,
      variables: {},
      direct: 'members',
    },
    {
      name: 'overview',
      label: 'member overview (members, procurement, hr-payroll, academy)',
      query: `query MemberOverview($memberId: ID!, $year: Int!) {
        member(id: $memberId) {
          id name city
          keurmerk { status lastAuditOn nextAuditDue }
          orders(first: 100) { totalCount edges { node { id status total } } }
          procurementSpend(year: $year) { year orders spend savings }
          trainingBudget(year: $year) { year granted reserved spent available }
          enrolments(first: 100) { totalCount edges { node { id status } } }
        }
        payrollRuns(memberId: $memberId, first: 1) { edges { node { id period status compliant } } }
      }`,
      variables: { memberId, year },
    },
    {
      name: 'wages',
      label: "a member's 12 employees with CAO wage and scale (members → hr-payroll → cao)",
      query: `query EmployeeWages($memberId: ID!) {
        member(id: $memberId) {
          name
          employees(first: 12) {
            edges { node { id name employments {
              caoScale caoStep hoursPerWeek
              wage { monthly hourly caoVersionName }
              wageScale { scale steps { step monthlyFullTime } }
            } } }
          }
        }
      }`,
      variables: { memberId },
    },
  ];
}
