import { ZERO } from '@samen-sterk/subgraph-runtime/pure';
import { formatDate } from '../proration';
import { caoWageCheck, holidayAllowanceCheck, minimumWageCheck } from '../compliance';
import type { ReadInput } from '../input';
import type { ComplianceCheck } from '../types';
import { NONE, type Step } from './step';
import type { WageStep } from './wage';

export interface ComplianceStep extends Step {
  checks: ComplianceCheck[];
  /** All checks ok: a run may approve this payslip. */
  compliant: boolean;
}

/**
 * 9. The checks that block approval (see ../compliance.ts). A month split at a birthday is checked
 * part by part, each against the minimum wage of its own age: the same rule as the wage itself.
 */
export function complianceOfMonth(r: ReadInput, wage: WageStep): ComplianceStep {
  const minimum = wage.parts.map((p) =>
    minimumWageCheck({ gross: p.gross, hourly: p.hourly, minimumHourly: p.minimumHourly }),
  );
  const minimumCheck: ComplianceCheck =
    minimum.length === 1
      ? minimum[0]!
      : {
          code: 'MINIMUM_WAGE',
          ok: minimum.every((c) => c.ok),
          message: wage.parts
            .map(
              (p, i) =>
                `${p.fromBirthday ? `From the birthday ${formatDate(p.fromBirthday.on)} (age ${p.fromBirthday.age})` : 'Before the birthday'}, ` +
                `${p.days} days: ${minimum[i]!.message}`,
            )
            .join(' '),
        };
  const checks = [
    minimumCheck,
    caoWageCheck({
      gross: wage.gross,
      // The CAO wage for the days employed: each part's own answer, pro rata (as the gross itself).
      caoWageForDays: wage.parts.reduce((sum, p) => sum.plus(p.gross), ZERO),
    }),
    holidayAllowanceCheck(r.holidayAllowancePercent),
  ];
  const compliant = checks.every((c) => c.ok);
  const explain = () => [
    compliant
      ? 'Compliance: all checks ok.'
      : `Compliance: NOT ok: ${checks
          .filter((c) => !c.ok)
          .map((c) => c.message)
          .join(' ')}`,
  ];
  return { checks, compliant, explain, warnings: NONE, lines: NONE };
}
