import type { HrContext } from '../builder';
import type { Employee } from '../generated/prisma/client';

/**
 * Which employee an employment belongs to, batched per request: the access rule for an
 * employee's own appraisals (access.ts, `seesEmployment`) asks it once per appraisal listed.
 */
export const employeeOfEmployment = (ctx: Pick<HrContext, 'db' | 'loaders'>, employmentId: string) =>
  ctx.loaders
    .get<string, string>('employment-employee', async (ids) => {
      const rows = await ctx.db.employment.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, employeeId: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r.employeeId]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(employmentId);

/** Employees of one member by id, batched per request (a run's signals name theirs); another member's is null. */
export const employeeOfMember = (ctx: Pick<HrContext, 'db' | 'loaders'>, memberId: string, employeeId: string) =>
  ctx.loaders
    .get<string, Employee>(`member-employee:${memberId}`, async (ids) => {
      const rows = await ctx.db.employee.findMany({ where: { memberId, id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(employeeId);

/**
 * Employees by id, batched per request: the gateway resolves references to employees (the
 * Academy's enrolments name theirs) many at once. Who may read the row is the Employee type's
 * own rule (`seesEmployee`), checked on every field it resolves.
 */
export const employeeById = (ctx: Pick<HrContext, 'db' | 'loaders'>, employeeId: string) =>
  ctx.loaders
    .get<string, Employee>('employee-by-id', async (ids) => {
      const rows = await ctx.db.employee.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(employeeId);
