import { expectOk } from './expect';
import { nodes } from './graphql';
import { APPROVE_RUN, CALCULATE_RUN, PAY_RUN, type CalculatedRun, type RunStatus } from './operations';
import type { TestPlatform } from './platform';

/** Calculates a member's month as `payroll`; the run and its payslips. */
export async function calculateRun(tp: TestPlatform, payroll: string, memberId: string, year: number, month: number) {
  const run = expectOk(
    await tp.query<CalculatedRun>(CALCULATE_RUN, { token: payroll, variables: { m: memberId, y: year, mo: month } }),
  ).calculatePayrollRun;
  return { id: run.id, status: run.status, slips: nodes(run.payslips) };
}

/** Approves a run (a second person: `approver` did not calculate it) and marks it paid as `payer`. */
export async function approveAndPay(tp: TestPlatform, runId: string, approver: string, payer = approver) {
  expectOk(await tp.query<RunStatus>(APPROVE_RUN, { token: approver, variables: { id: runId } }));
  expectOk(await tp.query<RunStatus>(PAY_RUN, { token: payer, variables: { id: runId } }));
}
