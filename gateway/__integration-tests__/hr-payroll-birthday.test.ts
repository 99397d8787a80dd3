import { hrOf, payrollFor } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M7 } from './testkit/ids';
import { cents, formatCents } from './testkit/money';
import { approveAndPay } from './testkit/payroll';
import { bsnSequence, hireInputFor } from './testkit/people';
import { euro, pdfText } from './testkit/pdf';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// A youth's higher minimum wage is due from the birthday itself (hr-payroll's payroll README, rule
// 2a), through the real gateway and subgraphs, as a payroll officer sees it. A member without
// employees hires three people on CAO scale 1, 24 hours a week, from 1 March 2026:
// - Ayşe turns 18 on 10 March 2026: March is split at the birthday, 9 days at the wage of 17 and
//   22 days at the wage of 18 (the README's worked example: €724.17, where €608.89 was paid when
//   the age on the 1st counted), and May's holiday allowance pays what that reserved;
// - Bram turns 18 on 1 March: the age on the 1st already counts, the whole month at 18, no split;
// - Chris turns 22 on 10 March: from 21 on the wage no longer changes with age, so no split.
// Every amount is worked out by hand from the README and its unit test (birthday.test.ts).
const tp = usePlatform();
const MEMBER = M7;
const tokens = useTokens({
  hr: () => hrOf(MEMBER, 'hr-birthdays'),
  clerk: () => payrollFor(MEMBER, { sub: 'clerk-birthdays' }),
});
const nextBsn = bsnSequence(52_700_000);

interface Line {
  code: string;
  description: string;
  base: string | null;
  rate: string | null;
  amount: string;
}
interface Slip {
  id: string;
  employeeId: string;
  gross: string;
  holidayAllowanceReserved: string;
  holidayAllowancePaid: string;
  compliant: boolean;
  compliance: { code: string; ok: boolean; message: string }[];
  lines: Line[];
  explanation: string[];
}
const CALCULATE = `mutation($m: ID!, $mo: Int!) { calculatePayrollRun(memberId: $m, year: 2026, month: $mo) {
  id compliant payslips(first: 10) { edges { node { id employeeId gross holidayAllowanceReserved holidayAllowancePaid
    compliant compliance { code ok message } lines { code description base rate amount } explanation } } } } }`;

let ayse: string;
let bram: string;
let chris: string;
const months: Record<number, { runId: string; compliant: boolean; slips: Map<string, Slip> }> = {};

async function hire(firstName: string, lastName: string, birthDate: string) {
  const input = hireInputFor(
    MEMBER,
    nextBsn(),
    { firstName, lastName, birthDate },
    { startDate: '2026-03-01', caoScale: 1, caoStep: 0, hoursPerWeek: '24', contractType: 'PERMANENT' },
  );
  const res = await tp.query<{ hireEmployee: { id: string } }>(
    `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`,
    { token: tokens.hr, variables: { input } },
  );
  return expectOk(res).hireEmployee.id;
}

/** The payroll service calculates the month; HR approves it and it is paid (the next month builds on it). */
async function runMonth(month: number) {
  const run = expectOk(
    await tp.query<{ calculatePayrollRun: { id: string; compliant: boolean; payslips: { edges: { node: Slip }[] } } }>(
      CALCULATE,
      { token: tokens.clerk, variables: { m: MEMBER, mo: month } },
    ),
  ).calculatePayrollRun;
  months[month] = {
    runId: run.id,
    compliant: run.compliant,
    slips: new Map(nodes(run.payslips).map((slip) => [slip.employeeId, slip])),
  };
  await approveAndPay(tp, run.id, tokens.hr, tokens.clerk);
}

const slipOf = (month: number, employeeId: string) => months[month]!.slips.get(employeeId)!;
const grossLines = (slip: Slip) =>
  slip.lines.filter((l) => l.code === 'GROSS_WAGE').map((l) => [l.description, l.base, l.rate, l.amount]);

beforeAll(async () => {
  expectOk(
    await tp.query(
      `mutation($m: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $m, input: $input) { memberId: employer { id } } }`,
      {
        token: tokens.hr,
        variables: {
          m: MEMBER,
          input: { pensionEmployeePercent: '6.5', pensionEmployerPercent: '13.5', aofSmallEmployer: true },
        },
      },
    ),
  );
  ayse = await hire('Ayşe', 'Kılıç', '2008-03-10');
  bram = await hire('Bram', 'de Wit', '2008-03-01');
  chris = await hire('Chris', 'Jansen', '2004-03-10');
  for (const month of [3, 4, 5]) await runMonth(month);
});

test('turning 18 on 10 March: March is split at the birthday, €724.17 gross, the compliance check passes', () => {
  const march = slipOf(3, ayse);
  // Scale 1 at 24 hours pays the statutory youth minimum (1 January 2026): age 17 €5.81 an hour,
  // 24 × 52.4 / 12 = 104.8 hours → €608.89 a month; age 18 €7.36 an hour → €771.33 a month.
  // 608.89 × 9 / 31 = 176.7745… → 176.77 (1–9 March, aged 17);
  // 771.33 × 22 / 31 = 547.3954… → 547.40 (10–31 March, aged 18).
  expect(grossLines(march)).toEqual([
    ['Gross wage before the birthday, 9 of 31 days', '608.89', '9/31', '176.77'],
    ['Gross wage from the birthday 2026-03-10 (age 18), 22 of 31 days', '771.33', '22/31', '547.40'],
  ]);
  expect(formatCents(cents('176.77') + cents('547.40'))).toBe('724.17');
  expect(march.gross).toBe('724.17'); // the whole month at the age on the 1st paid 608.89
  // Holiday allowance 8 % of 724.17 = 57.9336 → 57.93 (of 608.89 it was 48.71).
  expect(march.holidayAllowanceReserved).toBe('57.93');
  // The minimum-wage check takes each part against the minimum of its own age.
  expect(march.compliant).toBe(true);
  const check = march.compliance.find((c) => c.code === 'MINIMUM_WAGE')!;
  expect(check.ok).toBe(true);
  expect(check.message).toMatch(
    /Before the birthday, 9 days: .*€5\.81.*From the birthday 2026-03-10 \(age 18\), 22 days: .*€7\.36/,
  );
  expect(march.explanation.some((line) => line.startsWith('Birthday 2026-03-10 (age 18)'))).toBe(true);
  expect(months[3]!.compliant).toBe(true);
  // From April on the whole month at 18.
  expect(slipOf(4, ayse).gross).toBe('771.33');
  expect(grossLines(slipOf(4, ayse))).toHaveLength(1);
});

test("May's holiday allowance pays what March to May reserved, the birthday split included", () => {
  // March 57.93 + April 61.71 + May 61.71 (8 % × 771.33 = 61.7064 → 61.71) = 181.35; with March
  // at the age on the 1st (48.71) it was 172.13: €9.22 more.
  expect(slipOf(4, ayse).holidayAllowanceReserved).toBe('61.71');
  const may = slipOf(5, ayse);
  expect(may.holidayAllowanceReserved).toBe('61.71');
  expect(may.holidayAllowancePaid).toBe(
    formatCents(cents('57.93') + cents('61.71') + cents('61.71')), // 181.35
  );
  expect(may.holidayAllowancePaid).toBe('181.35');
  expect(formatCents(cents(may.holidayAllowancePaid) - cents('172.13'))).toBe('9.22');
  expect(may.lines.find((l) => l.code === 'HOLIDAY_ALLOWANCE_PAID')?.amount).toBe('181.35');
});

test('turning 18 on the 1st: no split, the wage of 18 for the whole month', () => {
  const march = slipOf(3, bram);
  expect(grossLines(march)).toEqual([['Gross wage', '771.33', '31/31', '771.33']]);
  expect(march.gross).toBe('771.33');
  expect(march.holidayAllowanceReserved).toBe('61.71');
  expect(march.compliant).toBe(true);
  expect(march.explanation.some((line) => line.startsWith('Birthday'))).toBe(false);
});

test('a birthday that does not change the wage (turning 22): no split', () => {
  const march = slipOf(3, chris);
  // Scale 1 from 21 on pays the CAO's own wage, the same at 21 and at 22: €1,541.61 at 24 hours.
  expect(grossLines(march)).toEqual([['Gross wage', '1541.61', '31/31', '1541.61']]);
  expect(march.gross).toBe('1541.61');
  expect(march.compliant).toBe(true);
  expect(march.explanation.some((line) => line.startsWith('Birthday'))).toBe(false);
});

test("the payslip PDF shows the split, with the employee's name as written", async () => {
  const pdf = expectOk(
    await tp.query<{ payslipPdf: { base64: string } }>(`query($id: ID!) { payslipPdf(id: $id) { base64 } }`, {
      token: tokens.hr,
      variables: { id: slipOf(3, ayse).id },
    }),
  ).payslipPdf;
  const text = pdfText(Buffer.from(pdf.base64, 'base64'));
  for (const expected of [
    'Ayşe Kılıç',
    'maart 2026',
    'Bruto loon tot de verjaardag (9 van 31 dagen)',
    euro('176.77'),
    'Bruto loon vanaf de verjaardag (22 van 31 dagen)',
    euro('547.40'),
    euro('57.93'),
  ]) {
    expect(text).toContain(expected);
  }
});
