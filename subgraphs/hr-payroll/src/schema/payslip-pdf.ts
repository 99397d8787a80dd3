import { builder } from '../builder';
import { payslipPdf, type PayslipPdfFile } from '../services/payslip-pdf';

/**
 * The payslip as a PDF document, made only when asked for (a separate query, so that listing
 * payslips never renders one). Same readers as `Payslip`: the member's HR staff, its payroll
 * service, and the employee themself, who sees only payslips of paid runs (as in `payslips`).
 */

const PayslipPdfRef = builder.objectRef<PayslipPdfFile>('PayslipPdf').implement({
  description: 'A payslip (loonstrook) as a PDF document, in Dutch, with the BSN masked.',
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: '`loonstrook-2026-01-<name>.pdf`' }),
    contentType: t.exposeString('contentType', { description: '`application/pdf`' }),
    base64: t.exposeString('base64', { description: 'The PDF file, base64-encoded.' }),
  }),
});

builder.queryField('payslipPdf', (t) =>
  t.field({
    type: PayslipPdfRef,
    nullable: true,
    description:
      'A payslip as a PDF (Dutch, A4): employer, employee (BSN masked), period, hours, hourly and minimum wage, every line, net, tax table and credit, employer costs, year to date. Same access as `Payslip`; employees get only payslips of paid runs.',
    // Whose payslip it is, the finder checks: someone else's is "not found".
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => payslipPdf(ctx, id),
  }),
);
