import { askService, PlatformError, refusedBy } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { findPayslip } from '../data/payslips';
import { periodName } from '../domain/payroll/proration';
import type { PayrollCalculation, PayrollInput } from '../domain/payroll/types';
import { renderPayslipPdf } from '../payslip/pdf';

/**
 * The payslip as a PDF document, made only when asked for. Same readers as `Payslip`: the
 * member's HR staff, its payroll service, and the employee themself, who sees only payslips of
 * paid runs (as in `payslips`).
 */

export interface PayslipPdfFile {
  fileName: string;
  contentType: string;
  base64: string;
}

export interface Employer {
  name: string;
  city: string | null;
  kvkNumber: string | null;
}

const MEMBER = /* GraphQL */ `
  query PayslipEmployer($id: ID!) {
    member(id: $id) {
      name
      city
      kvkNumber
    }
  }
`;

/**
 * The employer's name and details from the members directory (hr-payroll does not keep them),
 * asked with the caller's token: the members subgraph checks it like any other request.
 */
export async function employerOf(ctx: HrContext, memberId: string): Promise<Employer> {
  const answer = await askService<{ member: Employer | null }>(ctx, 'members', {
    query: MEMBER,
    variables: { id: memberId },
    label: 'members directory',
  });
  if (answer.errors[0]) throw refusedBy('members', 'members directory', answer.errors[0]);
  const member = answer.data?.member;
  // A payslip must name its employer: no document without it.
  if (!member?.name) {
    throw new PlatformError('INTERNAL_SERVER_ERROR', `The members directory does not know employer ${memberId}.`);
  }
  return member;
}

/** ASCII letters, digits and hyphens: a file name any system keeps. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Payslip `id` as a PDF file for the caller; someone else's payslip is "not found". */
export async function payslipPdf(ctx: HrContext, id: string): Promise<PayslipPdfFile> {
  const payslip = await findPayslip(ctx.db, ctx.identity, id);
  const [employee, employment, employer] = await Promise.all([
    ctx.db.employee.findUniqueOrThrow({ where: { id: payslip.employeeId } }),
    ctx.db.employment.findUnique({ where: { id: payslip.employmentId } }),
    employerOf(ctx, payslip.memberId),
  ]);
  const name = `${employee.firstName} ${employee.lastName}`;
  const pdf = await renderPayslipPdf({
    id: payslip.id,
    status: payslip.run.status,
    employer,
    employee: { name, bsn: employee.bsn, iban: employee.iban },
    employment: employment && {
      functionTitle: employment.functionTitle,
      caoScale: employment.caoScale,
      caoStep: employment.caoStep,
      startDate: employment.startDate,
    },
    inputs: payslip.inputs as unknown as PayrollInput,
    calculation: payslip.calculation as unknown as PayrollCalculation,
    paidAt: payslip.run.paidAt,
  });
  return {
    fileName: `loonstrook-${periodName(payslip.run.year, payslip.run.month)}-${slug(name) || 'werknemer'}.pdf`,
    contentType: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
  };
}
