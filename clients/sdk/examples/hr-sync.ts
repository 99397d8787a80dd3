// An HR tool syncing a member's employees and downloading its payslips as PDF files:
//   pnpm --filter @samen-sterk/sdk example:hr
// as the member's HR (`pnpm -s token --role member-hr`), against `pnpm start`. The PDFs go to
// SAMEN_STERK_PAYSLIP_DIR (default: payslips/ where you run it).
import fs from 'node:fs';
import path from 'node:path';
import {
  EmployeesDocument,
  PayrollRunPayslipsDocument,
  PayrollRunsDocument,
  type EmployeeDetailsFragment,
  type SamenSterkClient,
} from '../src';
import { runExample, whoAmI, type Say } from './run';

const today = () => new Date().toISOString().slice(0, 10);

export async function main(
  client: SamenSterkClient,
  say: Say = console.log,
  payslipDir = process.env.SAMEN_STERK_PAYSLIP_DIR ?? 'payslips',
) {
  const { memberId, memberName, roles } = await whoAmI(client);
  say(`Signed in for ${memberName} (${roles.join(', ')}).`);

  // Every employee, page by page (10 a page here to show the walk; the SDK follows the cursors).
  // An HR tool would upsert each into its own records by id; BSN and IBAN come masked.
  const employees: EmployeeDetailsFragment[] = [];
  for await (const employee of client.paginate(EmployeesDocument, { memberId }, (data) => data.employees, {
    pageSize: 10,
  })) {
    employees.push(employee);
  }
  const on = today();
  const active = employees.filter((e) =>
    e.employments.some((j) => j.startDate <= on && (!j.endDate || j.endDate >= on)),
  );
  say(`Synced ${employees.length} employees, ${active.length} of them employed today.`);
  const byScale = new Map<number, number>();
  for (const employee of active) {
    for (const job of employee.employments) byScale.set(job.caoScale, (byScale.get(job.caoScale) ?? 0) + 1);
  }
  say(
    `Employments by CAO scale: ${[...byScale.entries()]
      .sort(([a], [b]) => a - b)
      .map(([scale, count]) => `scale ${scale}: ${count}`)
      .join(', ')}.`,
  );

  // The latest payroll run and its payslips as PDF files.
  const { payrollRuns } = await client.request(PayrollRunsDocument, { memberId, first: 1 });
  const run = payrollRuns.edges[0]?.node;
  if (!run) {
    say(`${memberName} has no payroll run yet: nothing to download (the payroll service calculates the month).`);
    return { memberId, employees: employees.length, run: null, files: [] as string[] };
  }
  const payslips = await client.all(PayrollRunPayslipsDocument, { runId: run.id }, (data) => data.payrollRun.payslips);
  say(`The latest payroll run is ${run.period} (${run.status}) with ${payslips.length} payslips.`);
  fs.mkdirSync(payslipDir, { recursive: true });
  const files: string[] = [];
  for (const payslip of payslips) {
    const pdf = await client.payslipPdf(payslip.id);
    const file = path.join(payslipDir, path.basename(pdf.fileName));
    fs.writeFileSync(file, pdf.bytes);
    files.push(file);
  }
  say(`Downloaded ${files.length} payslip PDFs of ${run.period} to ${path.resolve(payslipDir)}.`);
  return { memberId, employees: employees.length, run, files };
}

if (require.main === module) runExample('member-hr', main);
