import { formatAmount, formatEuro, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { NONE, payslipLine, type Step } from './step';

export interface NetPayStep extends Step {
  net: Exact;
}

/** 6. Net pay: wage and what else is paid, less the employee's pension and the wage tax. No rounding: every term is in cents. */
export function netPay(amounts: {
  gross: Exact;
  /** Holiday allowance paid, back pay and the holiday allowance over it. */
  extraPaid: Exact;
  /** The employee's pension, on the wage and on the back pay. */
  pensionEmployee: Exact;
  monthlyTax: Exact;
  specialTax: Exact;
}): NetPayStep {
  const { gross, extraPaid, pensionEmployee, monthlyTax, specialTax } = amounts;
  const net = gross.plus(extraPaid).minus(pensionEmployee).minus(monthlyTax.plus(specialTax));
  const explain = () => [
    `Net pay: ${formatEuro(gross)}${extraPaid.isZero() ? '' : ` + ${formatEuro(extraPaid)}`} − ${formatEuro(pensionEmployee)} − ${formatEuro(monthlyTax)}` +
      `${specialTax.isZero() && extraPaid.isZero() ? '' : ` − ${formatEuro(specialTax)}`} = ${formatEuro(net)}.`,
  ];
  const line = payslipLine({ code: 'NET_PAY', kind: 'INFORMATION', description: 'Net pay', amount: formatAmount(net) });
  return { net, explain, warnings: NONE, lines: [line] };
}
