import { employeeOf, hrOf, payrollFor, platformAdmin } from './testkit/actors';
import { expectOk, expectRefused } from './testkit/expect';
import { M1, M2, UNKNOWN_ID } from './testkit/ids';
import { euro, pdfText } from './testkit/pdf';
import { calculateRun, approveAndPay } from './testkit/payroll';
import { usePlatform } from './testkit/use-platform';

// Payslips as PDF through the gateway: the employee gets their own (of paid runs), the member's HR
// and its payroll service any of the member's; nobody else gets one. The PDF names the employer
// as the members directory knows it and shows the BSN masked only.
const tp = usePlatform();
let payroll: string; // payroll-service serving member 1
let hr: string; // member-hr of member 1 (another person)
let janSlip: { id: string; employeeId: string; net: string; gross: string };
let febSlipId: string;
let colleagueId: string;

const PDF = `query($id: ID!) { payslipPdf(id: $id) { fileName contentType base64 } }`;
interface Pdf {
  payslipPdf: { fileName: string; contentType: string; base64: string };
}

beforeAll(async () => {
  payroll = await payrollFor(M1, { sub: 'payroll-clerk' });
  hr = await hrOf(M1, 'hr-officer');
  // January: calculated by the payroll service, approved by HR, paid. February: only calculated.
  const jan = await calculateRun(tp, payroll, M1, 2026, 1);
  await approveAndPay(tp, jan.id, hr, payroll);
  const [first, second] = jan.slips;
  janSlip = first!;
  colleagueId = second!.employeeId;
  const feb = await calculateRun(tp, payroll, M1, 2026, 2);
  febSlipId = feb.slips.find((slip) => slip.employeeId === janSlip.employeeId)!.id;
});

const employeeToken = (employeeId: string) => employeeOf(M1, employeeId);

async function pdfFor(id: string, token: string) {
  const file = expectOk(await tp.query<Pdf>(PDF, { token, variables: { id } })).payslipPdf;
  const bytes = Buffer.from(file.base64, 'base64');
  return { file, bytes, text: pdfText(bytes) };
}

test("the employee gets their paid payslip as a PDF, with the directory's employer and the BSN masked", async () => {
  const employer = await tp.query<{ member: { name: string; kvkNumber: string } }>(
    `query($m: ID!) { member(id: $m) { name kvkNumber } }`,
    { token: hr, variables: { m: M1 } },
  );
  const { name: employerName, kvkNumber } = expectOk(employer).member;
  const person = await tp.query<{ employee: { name: string; bsn: string; bsnFull: string } }>(
    `query($e: ID!) { employee(id: $e) { name bsn bsnFull } }`,
    { token: hr, variables: { e: janSlip.employeeId } },
  );
  const { name, bsn, bsnFull } = expectOk(person).employee;
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
    name, // as written: the PDF embeds a font with every Latin letter
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
    const res = await tp.query<Pdf>(PDF, { token, variables: { id } });
    expectRefused(res, code);
    expect(res.data?.payslipPdf ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain('JVBERi0'); // base64 of "%PDF-"
  };
  await refused(janSlip.id, await hrOf(M2));
  await refused(janSlip.id, await payrollFor(M2));
  await refused(janSlip.id, await employeeToken(colleagueId));
  await refused(janSlip.id, await platformAdmin());
  // February is calculated, not paid: not the employee's payslip yet.
  await refused(febSlipId, await employeeToken(janSlip.employeeId));
  await refused(UNKNOWN_ID, hr);
  await refused(janSlip.id, undefined, 'UNAUTHENTICATED');
});
