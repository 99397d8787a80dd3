import { ForbiddenError, type Identity } from '@samen-sterk/subgraph-runtime';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { isMemberHr, managesAcademy } from '../access';
import type { AcademyContext } from '../builder';
import type { Actor } from '../domain/enrolment';
import { employerOf } from './employees-directory';

/** Who made a change, for the audit log (the token's `sub`, never a name). */
export const actorIdOf = (ctx: AcademyContext) => ctx.identity?.userId ?? 'unknown';

/**
 * The caller as the domain's actor for enrolling `employeeId`, and the member the enrolment is
 * for. An employee enrols themself (their token names their member); member HR enrols its own
 * member's employees (hr-payroll says whose employee it is: another member's is not found); an
 * Academy admin names the member (`memberId`), since the Academy cannot read HR's records.
 */
export async function enrollingActor(
  ctx: AcademyContext,
  employeeId: string,
  memberId: string | null | undefined,
): Promise<{ actor: Actor; memberId: string }> {
  const identity = ctx.identity;
  if (identity?.memberId && isMemberHr(identity, identity.memberId)) {
    const employer = await employerOf(ctx, employeeId);
    if (employer !== identity.memberId)
      throw new DomainError(
        'EMPLOYEE_NOT_FOUND',
        'employeeId',
        'There is no such employee in your member organisation.',
        'NOT_FOUND',
      );
    return { actor: { role: 'MEMBER_HR', memberId: identity.memberId }, memberId: identity.memberId };
  }
  if (identity?.roles.includes('employee') && identity.employeeId && identity.memberId) {
    if (identity.employeeId !== employeeId)
      throw new DomainError('NOT_SELF', 'employeeId', 'You can only enrol yourself.', 'FORBIDDEN');
    return { actor: { role: 'EMPLOYEE', employeeId }, memberId: identity.memberId };
  }
  if (managesAcademy(identity)) {
    if (!memberId)
      throw new DomainError(
        'MEMBER_REQUIRED',
        'memberId',
        "An Academy admin names the employee's member organisation (memberId) when enrolling them.",
      );
    return { actor: { role: 'ACADEMY_ADMIN' }, memberId };
  }
  throw new ForbiddenError("Only the employee, their member's HR staff or an Academy admin can enrol someone.");
}

/** The caller as the actor of a move on an enrolment of `session` (its trainer is a user id). */
export function movingActor(identity: Identity | null, session: { trainerId: string | null }): Actor {
  if (managesAcademy(identity)) return { role: 'ACADEMY_ADMIN' };
  if (identity && session.trainerId && identity.userId === session.trainerId)
    return { role: 'TRAINER', trainerId: identity.userId };
  if (identity?.memberId && isMemberHr(identity, identity.memberId))
    return { role: 'MEMBER_HR', memberId: identity.memberId };
  if (identity?.roles.includes('employee') && identity.employeeId)
    return { role: 'EMPLOYEE', employeeId: identity.employeeId };
  throw new ForbiddenError('You cannot change enrolments.');
}
