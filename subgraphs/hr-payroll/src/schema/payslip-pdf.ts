import { askService, NotFoundError, PlatformError, refusedBy } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf, isSelf } from '../access';
import { builder, type HrContext } from '../builder';
import type { PayrollCalculation, PayrollInput } from '../domain/payroll/types';
import { periodName } from '../domain/payroll/proration';
import { renderPayslipPdf } from '../payslip/pdf';

/**
 * The payslip as a PDF document, made only when asked for (a separate query, so that listing
 * payslips never renders one). Same readers as `Payslip`: the member's HR staff, its payroll
 * service, and the employee themself, who sees only payslips of paid runs (as in `payslips`).
 */

interface PayslipPdfFile {
  fileName: string;
  contentType: string;
  base64: string;
}

const PayslipPdfRef = builder.objectRef<PayslipPdfFile>('PayslipPdf').implement({
  description: 'A payslip (loonstrook) as a PDF document, in Dutch, with the BSN masked.',
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: '`loonstrook-2026-01-<name>.pdf`' }),
    contentType: t.exposeString('contentType', { description: '`application/pdf`' }),
    base64: t.exposeString('base64', { description: 'The PDF file, base64-encoded.' }),
  }),
});

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
  const body = answer;
  const member = body.data?.member;
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

builder.queryField('payslipPdf', (t) =>
  t.field({
    type: PayslipPdfRef,
    nullable: true,
    description:
      'A payslip as a PDF (Dutch, A4): employer, employee (BSN masked), period, hours, hourly and minimum wage, every line, net, tax table and credit, employer costs, year to date. Same access as `Payslip`; employees get only payslips of paid runs.',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const payslip = await ctx.db.payslip.findUnique({
        where: { id },
        include: { run: { select: { year: true, month: true, status: true, paidAt: true } } },
      });
      const owner = payslip && { id: payslip.employeeId, memberId: payslip.memberId };
      const allowed =
        payslip &&
        owner &&
        (canManageEmployeesOf(ctx.identity, payslip.memberId) ||
          (isSelf(ctx.identity, owner) && payslip.run.status === 'PAID'));
      // Someone else's payslip is "not found": its existence is not the caller's business.
      if (!allowed) throw new NotFoundError('Payslip', id);

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
    },
  }),
);
