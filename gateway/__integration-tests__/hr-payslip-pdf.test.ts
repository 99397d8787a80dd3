import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { euro, pdfText } from './testkit/pdf';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Payslips as PDF through the gateway: the employee gets their own (of paid runs), the member's HR
// and its payroll service any of the member's; nobody else gets one. The PDF names the employer
// as the members directory knows it and shows the BSN masked only.
let tp: TestPlatform;
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
let payroll: string; // payroll-service serving member 1
let hr: string; // member-hr of member 1 (another person)
let janSlip: { id: string; employeeId: string; net: string; gross: string };
let febSlipId: string;
let colleagueId: string;

const PDF = `query($id: ID!) { payslipPdf(id: $id) { fileName contentType base64 } }`;

const mutate = async (query: string, token: string, variables: Record<string, unknown>) => {
  const res: any = await tp.query(query, { token, variables });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};

beforeAll(async () => {
  tp = await startTestPlatform();
  payroll = await tokenFor({ sub: 'payroll-clerk', roles: ['payroll-service'], payrollMemberIds: [M1] });
  hr = await tokenFor({ sub: 'hr-officer', roles: ['member-hr'], memberId: M1 });
  const CALCULATE = `mutation($m: ID!, $y: Int!, $mo: Int!) {
    calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
      id payslips(first: 50) { edges { node { id employeeId net gross } } }
    }
  }`;
  // January: calculated by the payroll service, approved by HR, paid. February: only calculated.
  const jan = (await mutate(CALCULATE, payroll, { m: M1, y: 2026, mo: 1 })).calculatePayrollRun;
  await mutate(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, hr, { id: jan.id });
  await mutate(`mutation($id: ID!) { markPayrollRunPaid(id: $id) { status } }`, payroll, { id: jan.id });
  const [first, second] = jan.payslips.edges.map((e: any) => e.node);
  janSlip = first;
  colleagueId = second.employeeId;
  const feb = (await mutate(CALCULATE, payroll, { m: M1, y: 2026, mo: 2 })).calculatePayrollRun;
  febSlipId = feb.payslips.edges.find((e: any) => e.node.employeeId === janSlip.employeeId).node.id;
});
afterAll(() => tp?.stop());

const employeeToken = (employeeId: string) =>
  tokenFor({ sub: `employee-${employeeId}`, roles: ['employee'], memberId: M1, employeeId });

async function pdfFor(id: string, token: string) {
  const res: any = await tp.query(PDF, { token, variables: { id } });
  expect(res.errors).toBeUndefined();
  const file = res.data.payslipPdf;
  const bytes = Buffer.from(file.base64, 'base64');
  return { file, bytes, text: pdfText(bytes) };
}

test("the employee gets their paid payslip as a PDF, with the directory's employer and the BSN masked", async () => {
  const employer: any = await tp.query(`query($m: ID!) { member(id: $m) { name kvkNumber } }`, {
    token: hr,
    variables: { m: M1 },
  });
  const { name: employerName, kvkNumber } = employer.data.member;
  const person: any = await tp.query(`query($e: ID!) { employee(id: $e) { name bsn bsnFull } }`, {
    token: hr,
    variables: { e: janSlip.employeeId },
  });
  const { name, bsn, bsnFull } = person.data.employee;
  expect(bsnFull).toMatch(/^\d{9}$/);

  const { file, bytes, text } = await pdfFor(janSlip.id, await employeeToken(janSlip.employeeId));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(file.contentType).toBe('application/pdf');
  expect(file.fileName).toMatch(/^loonstrook-2026-01-[a-z0-9-]+\.pdf$/);
  for (const expected of [
    'Loonstrook',
    'januari 2026',
    employerName,
    `KvK-nummer ${kvkNumber}`,
    name,
    `BSN ${bsn}`,
    'Uurloon',
    'Wettelijk minimumloon',
    'Bruto loon',
    euro(janSlip.gross),
    'Pensioenpremie werknemer',
    'Loonheffing (witte tabel, maand,',
    'Netto',
    euro(janSlip.net),
    'Cumulatieven 2026',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('CONCEPT');
  // The BSN only masked: the full number appears nowhere, not in the text nor in the file.
  expect(bsn).toBe(`*****${bsnFull.slice(-4)}`);
  expect(text).not.toContain(bsnFull);
  expect(text).not.toContain(bsnFull.slice(0, 5));
  expect(bytes.toString('latin1')).not.toContain(bsnFull);
});

test("the member's HR and its payroll service get it too; HR also a draft, marked as such", async () => {
  for (const token of [hr, payroll]) {
    const { bytes, text } = await pdfFor(janSlip.id, token);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain(euro(janSlip.net));
  }
  const draft = await pdfFor(febSlipId, hr);
  expect(draft.text).toContain('februari 2026');
  expect(draft.text).toContain('CONCEPT');
});

test('nobody else gets a PDF: not another member, not a colleague, not the employee before payment', async () => {
  const refused = async (id: string, token: string | undefined, code = 'NOT_FOUND') => {
    const res: any = await tp.query(PDF, { token, variables: { id } });
    expect(errorCodes(res)).toEqual([code]);
    expect(res.data?.payslipPdf ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain('JVBERi0'); // base64 of "%PDF-"
  };
  await refused(janSlip.id, await tokenFor({ roles: ['member-hr'], memberId: M2 }));
  await refused(janSlip.id, await tokenFor({ roles: ['payroll-service'], payrollMemberIds: [M2] }));
  await refused(janSlip.id, await employeeToken(colleagueId));
  await refused(janSlip.id, await tokenFor({ roles: ['platform-admin'] }));
  // February is calculated, not paid: not the employee's payslip yet.
  await refused(febSlipId, await employeeToken(janSlip.employeeId));
  await refused('00000000-0000-4000-8000-000000000000', hr);
  await refused(janSlip.id, undefined, 'UNAUTHENTICATED');
});
