import { employeeOf, hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M10 } from './testkit/ids';
import { APPROVE_RUN, PAY_RUN } from './testkit/operations';
import { euro, pdfText } from './testkit/pdf';
import { usePlatform } from './testkit/use-platform';

// The whole journey through the gateway, for a member without any employees yet: its HR sets the
// payroll settings and hires someone on CAO scale 5 step 3; the payroll service calculates March
// 2026; HR approves (four eyes); the run is paid; the employee reads the payslip and its PDF.
// Every figure is worked out by hand from the published rules (the same case as the unit test of
// the calculation, subgraphs/hr-payroll/src/domain/payroll/__tests__/calculate.test.ts).
const tp = usePlatform();
const MEMBER = M10;
let hr: string;
let clerk: string;

beforeAll(async () => {
  hr = await hrOf(MEMBER, 'hr-journey');
  clerk = await payrollFor(MEMBER, { sub: 'clerk-journey' });
});

async function ok<Data>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<Data> {
  return expectOk(await tp.query<Data>(query, { token, variables }));
}

interface Slip {
  id: string;
  employeeId: string;
  gross: string;
  pensionEmployee: string;
  taxableWage: string;
  wageTax: string;
  withTaxCredit: boolean;
  net: string;
  employerCosts: string;
  holidayAllowanceReserved: string;
  paidHours: string;
  compliant: boolean;
  lines: { code: string; amount: string }[];
}

test('hire, place on a CAO scale, calculate, approve, pay: the payslip and its PDF are right to the cent', async () => {
  // 1. Settings: pension 6.5 % / 13.5 % (the sector fund's rates are not public: the member's
  //    own figures), and not a small employer for the Aof.
  await ok(
    `mutation($m: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $m, input: $input) { memberId: employer { id } } }`,
    hr,
    { m: MEMBER, input: { pensionEmployeePercent: '6.5', pensionEmployerPercent: '13.5', aofSmallEmployer: false } },
  );

  // 2. Hire on scale 5 step 3, full time (38 h), written permanent contract, tax credit applied.
  const hired = (
    await ok<{
      hireEmployee: {
        id: string;
        employments: { id: string; wage: { monthly: string; hourly: string; caoVersionName: string } }[];
      };
    }>(
      `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id employments { id wage(on: "2026-03-01") { monthly hourly caoVersionName } } } }`,
      hr,
      {
        input: {
          memberId: MEMBER,
          firstName: 'Noor',
          lastName: 'Bakker',
          birthDate: '1990-05-15',
          bsn: '123456782',
          iban: 'NL91ABNA0417164300',
          address: { street: 'Kerkstraat', houseNumber: '12', postcode: '8011AB', city: 'Zwolle' },
          employment: {
            startDate: '2026-03-01',
            contractType: 'PERMANENT',
            writtenContract: true,
            functionTitle: 'Winkelmedewerker',
            caoScale: 5,
            caoStep: 3,
            hoursPerWeek: '38',
            applyTaxCredit: true,
          },
        },
      },
    )
  ).hireEmployee;
  // The CAO's 2024 table (in after-effect in 2026): €2,461.52 a month, €14.83 an hour, above the
  // statutory €14.71 of 1 January 2026.
  expect(hired.employments[0]?.wage).toEqual({
    monthly: '2461.52',
    hourly: '14.83',
    caoVersionName: 'CAO Kringloop Nederland 2024',
  });

  // 3. The payroll service calculates March 2026.
  const run = (
    await ok<{
      calculatePayrollRun: {
        id: string;
        status: string;
        compliant: boolean;
        payslips: { totalCount: number; edges: { node: Slip }[] };
      };
    }>(
      `mutation($m: ID!) { calculatePayrollRun(memberId: $m, year: 2026, month: 3) { id status compliant
        payslips(first: 5) { totalCount edges { node { id employeeId gross pensionEmployee taxableWage wageTax withTaxCredit
          net employerCosts holidayAllowanceReserved paidHours compliant lines { code amount } } } } } }`,
      clerk,
      { m: MEMBER },
    )
  ).calculatePayrollRun;
  expect(run).toMatchObject({ status: 'CALCULATED', compliant: true, payslips: { totalCount: 1 } });
  const slip = nodes(run.payslips)[0]!;
  expect(slip).toMatchObject({
    employeeId: hired.id,
    gross: '2461.52', // the whole month
    pensionEmployee: '160.00', // 6.5 % × 2461.52 = 159.9988 → 160.00
    taxableWage: '2301.52', // 2461.52 − 160.00
    wageTax: '117.83', // white monthly table with credit: (9864 − 3115 − 5335) / 12
    withTaxCredit: true,
    net: '2183.69', // 2461.52 − 160.00 − 117.83
    holidayAllowanceReserved: '196.92', // 8 % × 2461.52
    employerCosts: '757.86', // AWf 63.06 + Aof 175.61 + Wko 11.51 + Whk 34.98 + Zvw 140.39 + pension 332.31
    paidHours: '165', // 38 × 52 / 12 = 164.67
    compliant: true,
  });
  expect(Object.fromEntries(slip.lines.map((l) => [l.code, l.amount]))).toMatchObject({
    AWF: '63.06',
    AOF: '175.61',
    WKO: '11.51',
    WHK: '34.98',
    ZVW: '140.39',
    PENSION_EMPLOYER: '332.31',
  });

  // 4. Four eyes: the clerk who calculated may not approve; HR may.
  expectRefused(await tp.query(APPROVE_RUN, { token: clerk, variables: { id: run.id } }), 'FORBIDDEN');
  await ok(APPROVE_RUN, hr, { id: run.id });
  await ok(PAY_RUN, clerk, { id: run.id });

  // 5. The employee reads their own payslip and its PDF.
  const employee = await employeeOf(MEMBER, hired.id, 'noor');
  const mine = await ok<{ payslips: { edges: { node: { id: string; net: string; runStatus: string } }[] } }>(
    `query($e: ID!) { payslips(employeeId: $e, first: 5) { edges { node { id net runStatus } } } }`,
    employee,
    {
      e: hired.id,
    },
  );
  expect(nodes(mine.payslips)).toEqual([{ id: slip.id, net: '2183.69', runStatus: 'PAID' }]);
  const pdf = (
    await ok<{ payslipPdf: { base64: string } }>(`query($id: ID!) { payslipPdf(id: $id) { base64 } }`, employee, {
      id: slip.id,
    })
  ).payslipPdf;
  const text = pdfText(Buffer.from(pdf.base64, 'base64'));
  for (const expected of [
    'maart 2026',
    'Noor Bakker',
    'BSN *****6782',
    'Bruto loon',
    euro('2461.52'),
    euro('14.83'), // wage per hour
    euro('14.71'), // the statutory minimum wage for the period
    euro('160.00'),
    euro('117.83'),
    'Netto',
    euro('2183.69'),
    'Cumulatieven 2026',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('123456782');
});
