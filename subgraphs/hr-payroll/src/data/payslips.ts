import { visibleFinder, type Identity } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf, isSelf } from '../access';
import type { HrContext } from '../builder';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { findVisibleEmployee } from './employees';

/** An employee's payslips, newest first. */
export const PAYSLIPS_NEWEST_FIRST: Prisma.PayslipOrderByWithRelationInput[] = [
  { run: { year: 'desc' } },
  { run: { month: 'desc' } },
  { id: 'asc' },
];

/**
 * Which of an employee's payslips the caller may list: all of them for the member's HR staff
 * and its payroll service, those of paid runs for the employee themself. Someone else's
 * employee is "not found".
 */
export async function visiblePayslipsOf(ctx: HrContext, employeeId: string): Promise<Prisma.PayslipWhereInput> {
  const employee = await findVisibleEmployee(ctx, employeeId);
  return { employeeId, run: { status: isSelf(ctx.identity, employee) ? 'PAID' : undefined } };
}

/**
 * A payslip with its run, for the caller: the member's HR staff and its payroll service, or the
 * employee themself once the run is paid (as in `payslips`). Someone else's payslip is "not
 * found": its existence is not the caller's business.
 */
export const findPayslip = visibleFinder(
  'Payslip',
  (db: Pick<PrismaClient, 'payslip'>, id: string) =>
    db.payslip.findUnique({
      where: { id },
      include: { run: { select: { year: true, month: true, status: true, paidAt: true } } },
    }),
  (caller: Identity | null, payslip: { employeeId: string; memberId: string; run: { status: string } }) =>
    canManageEmployeesOf(caller, payslip.memberId) ||
    (isSelf(caller, { id: payslip.employeeId, memberId: payslip.memberId }) && payslip.run.status === 'PAID'),
);
