import type { Exact } from '@samen-sterk/subgraph-runtime/pure';
import { caoWageCheck, holidayAllowanceCheck, minimumWageCheck } from '../compliance';
import type { ReadInput } from '../input';
import { prorate, type MonthSlice } from '../proration';
import type { ComplianceCheck } from '../types';
import { NONE, type Step } from './step';

export interface ComplianceStep extends Step {
  checks: ComplianceCheck[];
  /** All checks ok: a run may approve this payslip. */
  compliant: boolean;
}

/** 9. The checks that block approval (see ../compliance.ts). */
export function complianceOfMonth(r: ReadInput, gross: Exact, slice: MonthSlice): ComplianceStep {
  const checks = [
    minimumWageCheck({ gross, hourly: r.hourly, minimumHourly: r.minimumWageHourly }),
    caoWageCheck({ gross, caoWageForDays: prorate(r.monthly, slice.daysEmployed, slice.daysInMonth) }),
    holidayAllowanceCheck(r.holidayAllowancePercent),
  ];
  const compliant = checks.every((c) => c.ok);
  const explanation = [
    compliant
      ? 'Compliance: all checks ok.'
      : `Compliance: NOT ok: ${checks
          .filter((c) => !c.ok)
          .map((c) => c.message)
          .join(' ')}`,
  ];
  return { checks, compliant, explanation, warnings: NONE, lines: NONE };
}
