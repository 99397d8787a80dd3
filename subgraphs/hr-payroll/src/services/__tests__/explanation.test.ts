import { calculatePayroll, calculatePayslipFigures } from '../../domain/payroll/calculate';
import { date, payrollInput } from '../../domain/payroll/__tests__/fixtures';
import type { PayrollInput } from '../../domain/payroll/types';
import { explanationOf } from '../explanation';

// A payslip is stored without its explanation; reading it recalculates the reasons from the
// frozen inputs. Stored means JSON (dates become strings): the round trip must not matter.
const stored = (input: PayrollInput) => ({
  inputs: JSON.parse(JSON.stringify(input)) as unknown,
  calculation: JSON.parse(JSON.stringify(calculatePayslipFigures(input))) as unknown,
});

describe('explanations of stored payslips', () => {
  const cases: [string, PayrollInput][] = [
    ['a whole month', payrollInput()],
    ['a month started part way', payrollInput({ employment: { startDate: date('2026-03-12') } })],
    [
      'the month the holiday allowance is paid, without tax credit',
      payrollInput({
        period: { month: 5 },
        employment: { applyTaxCredit: false, endDate: date('2026-12-31') },
        holidayAllowanceAccrual: { reserved: '1800.00', base: '22500.00' },
        previousYearAnnualWage: '29538.24',
      }),
    ],
  ];

  test.each(cases)('%s: the same reasons as when it was calculated', (_name, input) => {
    const payslip = stored(input);
    expect(payslip.calculation).not.toHaveProperty('explanation');
    expect(explanationOf(payslip)).toEqual(calculatePayroll(input).explanation);
  });

  test('a payslip stored with its explanation keeps it', () => {
    const input = payrollInput();
    const calculation = JSON.parse(JSON.stringify(calculatePayroll(input))) as { explanation: string[] };
    calculation.explanation = ['As stored.'];
    expect(explanationOf({ inputs: JSON.parse(JSON.stringify(input)), calculation })).toEqual(['As stored.']);
  });

  test('when the same inputs give other figures today, the reasons say so first', () => {
    const payslip = stored(payrollInput());
    const calculation = payslip.calculation as { netPay: string };
    calculation.netPay = '1.00';
    const reasons = explanationOf(payslip);
    expect(reasons[0]).toMatch(/give other figures than this payslip .*not €1\.00/);
    expect(reasons.slice(1)).toEqual(calculatePayroll(payrollInput()).explanation);
  });
});
