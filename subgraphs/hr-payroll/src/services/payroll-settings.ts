import { recordChange } from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import type { HrContext } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import * as check from '../validation';
import { actorOf } from './audit-log';

// A member's payroll settings: its pension premiums (the sector fund's rates are not public, so
// each member enters its own), its Whk rate from the tax office's decision, and whether the tax
// office counts it as a small employer for the Aof. Runs use them as they are when calculated.
// Who may read and set them is the fields' scope (access.ts).

export interface PayrollSettingsInput {
  pensionEmployeePercent: Decimal;
  pensionEmployerPercent: Decimal;
  /** Null or left out: the year's average rate is used. */
  whkPercent?: Decimal | null;
  /** Null or left out: judged by head count. */
  aofSmallEmployer?: boolean | null;
}

/** What the API asks to load with the settings (Pothos' `query`). */
export interface PayrollSettingsQuery {
  select?: Prisma.MemberPayrollSettingsSelect;
}

/** A member's payroll settings; null until they are set. */
export const payrollSettingsOf = (ctx: HrContext, memberId: string, query: PayrollSettingsQuery) =>
  ctx.db.memberPayrollSettings.findUnique({ ...query, where: { memberId } });

/** Sets a member's payroll settings, each rate checked, with before and after in the audit log. */
export function setPayrollSettings(
  ctx: HrContext,
  memberId: string,
  input: PayrollSettingsInput,
  query: PayrollSettingsQuery,
) {
  const data = {
    pensionEmployeePercent: check.ratePercent(
      input.pensionEmployeePercent,
      'input.pensionEmployeePercent',
      "The employee's pension premium",
      50,
    ),
    pensionEmployerPercent: check.ratePercent(
      input.pensionEmployerPercent,
      'input.pensionEmployerPercent',
      "The employer's pension premium",
      50,
    ),
    // The Whk rates of a decision stay well under 10 %.
    whkPercent:
      input.whkPercent == null ? null : check.ratePercent(input.whkPercent, 'input.whkPercent', 'The Whk rate', 10),
    aofSmallEmployer: input.aofSmallEmployer ?? null,
  };
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.memberPayrollSettings.findUnique({ where: { memberId } });
    const after = await tx.memberPayrollSettings.upsert({
      ...query,
      where: { memberId },
      create: { memberId, ...data },
      update: data,
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId,
      action: 'SET_PAYROLL_SETTINGS',
      entityType: 'MemberPayrollSettings',
      entityId: memberId,
      before: before ?? undefined,
      after,
    });
    return after;
  });
}
