import { payrollInput, date } from '../../domain/payroll/__tests__/fixtures';
import { calculatePayslipPage, type PageToCalculate } from '../calculate-all';
import { calculatePayslips, calculationThreads, stopCalculationThreads } from '../calculation-threads';

// A run's large pages are calculated in worker threads: what comes back must be what the same
// page gives in this thread, a refused input must still name its employment, and a wrong
// setting must be refused with a sentence.

const EMPLOYMENTS = 250; // above the smallest page sent to a thread

function page(storage: PageToCalculate['storage'], refuse?: number): PageToCalculate {
  const employments = Array.from({ length: EMPLOYMENTS }, (_, k) => ({
    id: `employment-${k}`,
    employeeId: `employee-${Math.floor(k / 2)}`, // two employments an employee: calculated in order
    startDate: date(k % 2 === 0 ? '2024-01-01' : '2026-03-16'),
  }));
  const inputs = employments.map((e, k) =>
    payrollInput({
      employment: { startDate: e.startDate, hoursPerWeek: ['24', '32', '38'][k % 3]! },
      caoWage: {
        monthly: `${2400 + k}.52`,
        hourly: '14.83',
        ...(k === refuse ? { holidayAllowancePercent: '7' } : {}),
      },
    }),
  );
  return { runId: 'run-1', memberId: 'member-1', storage, employments, inputs };
}

/** The COPY text (its blocks joined) with the random payslip ids taken out. */
const withoutIds = (blocks: Uint8Array[], ids: string[]) =>
  ids.reduce((text, id, i) => text.replace(id, `id-${i}`), Buffer.concat(blocks).toString('utf8'));

afterAll(() => stopCalculationThreads());

describe('payroll calculation threads', () => {
  const before = process.env.HR_PAYROLL_CALCULATION_THREADS;
  afterEach(() => {
    if (before === undefined) delete process.env.HR_PAYROLL_CALCULATION_THREADS;
    else process.env.HR_PAYROLL_CALCULATION_THREADS = before;
  });

  it('give the same payslips, in the same order, as this thread', async () => {
    process.env.HR_PAYROLL_CALCULATION_THREADS = '2';
    const [inThread, offThread] = [calculatePayslipPage(page('copy')), await calculatePayslips(page('copy'))];
    expect(offThread.outcomes).toHaveLength(EMPLOYMENTS);
    expect(offThread.outcomes).toEqual(inThread.outcomes);
    if (!offThread.rows || !('copy' in offThread.rows) || !inThread.rows || !('copy' in inThread.rows)) {
      throw new Error('COPY rows expected from both');
    }
    const lines = withoutIds(offThread.rows.copy, offThread.ids).trimEnd().split('\n');
    expect(lines).toHaveLength(EMPLOYMENTS);
    expect(lines).toEqual(withoutIds(inThread.rows.copy, inThread.ids).trimEnd().split('\n'));
    // The later employment of an employee carries on from the earlier one's year to date.
    const second = JSON.parse(lines[1]!.split('\t')[12]!) as { yearToDate: { gross: string } };
    expect(second.yearToDate.gross).not.toBe('0.00');
  });

  it('give INSERT rows too, and two pages at once each their own answer', async () => {
    process.env.HR_PAYROLL_CALCULATION_THREADS = '2';
    const [a, b] = await Promise.all([calculatePayslips(page('insert')), calculatePayslips(page('copy'))]);
    expect(a.rows && 'insert' in a.rows && a.rows.insert).toHaveLength(EMPLOYMENTS);
    expect(b.rows && 'copy' in b.rows).toBe(true);
    expect(new Set([...a.ids, ...b.ids]).size).toBe(2 * EMPLOYMENTS);
  });

  it('answer a refused input with its reason and store nothing of the page', async () => {
    process.env.HR_PAYROLL_CALCULATION_THREADS = '1';
    const result = await calculatePayslips(page('copy', 7));
    expect(result.rows).toBeNull();
    expect(result.outcomes[7]).toEqual({ error: expect.objectContaining({ message: expect.stringMatching(/8 ?%/) }) });
    expect(result.outcomes.filter((o) => 'error' in o)).toHaveLength(1);
  });

  it('calculate in this thread when set to 0, and refuse a setting that is not a count', async () => {
    process.env.HR_PAYROLL_CALCULATION_THREADS = '0';
    expect(calculationThreads()).toBe(0);
    expect((await calculatePayslips(page('insert'))).outcomes).toHaveLength(EMPLOYMENTS);
    process.env.HR_PAYROLL_CALCULATION_THREADS = 'many';
    expect(() => calculationThreads()).toThrow(/HR_PAYROLL_CALCULATION_THREADS must be a whole number/);
  });
});
