import {
  actsForMember,
  hasRole,
  type Identity,
  type ScopeLoaders,
  type ScopeRefusals,
  type SubgraphContext,
} from '@samen-sterk/subgraph-runtime';

/**
 * Who may see and do what in the Academy: the one home of these rules.
 *
 * - The catalogue (courses, learning paths, sessions and their free seats) is for every signed-in
 *   person of the sector; it holds nobody's data. The Academy's administrators
 *   (`association-academy`) and platform admins maintain it.
 * - An employee sees their own enrolments, certificates and skills; member HR its member's; the
 *   Academy's administrators every enrolment (but nothing of payroll, which they cannot ask).
 *   Another member's people are simply not found.
 * - A session's trainer is the user (`sub`) the session names; they record its results.
 * - A certificate's verification (`verifyCertificate`) is for anyone, without a token.
 */
export const managesAcademy = (identity: Identity | null) => hasRole(identity, 'association-academy', 'platform-admin');

export const isMemberHr = (identity: Identity | null, memberId: string) =>
  hasRole(identity, 'member-hr') && actsForMember(identity, memberId);

export const isEmployeeSelf = (identity: Identity | null, employeeId: string) =>
  hasRole(identity, 'employee') && !!identity?.employeeId && identity.employeeId === employeeId;

/** A member's enrolments and budget: its HR and the Academy's administrators. */
export const seesTrainingOf = (identity: Identity | null, memberId: string) =>
  isMemberHr(identity, memberId) || managesAcademy(identity);

/** One employee's training: themself, their member's HR, the Academy's administrators. */
export const seesEmployeeTraining = (identity: Identity | null, employee: { id: string; memberId: string }) =>
  seesTrainingOf(identity, employee.memberId) ||
  (isEmployeeSelf(identity, employee.id) && identity?.memberId === employee.memberId);

export interface AcademyScopes {
  /** The Academy's administrators and platform admins. */
  managesAcademy: boolean;
  /** A member's HR staff and the Academy's administrators. */
  seesTrainingOf: string;
}

type Rules = { [Scope in keyof AcademyScopes]: (parameter: AcademyScopes[Scope]) => boolean };

const rulesFor = (identity: Identity | null): Rules => ({
  managesAcademy: () => managesAcademy(identity),
  seesTrainingOf: (memberId) => seesTrainingOf(identity, memberId),
});

export const academyScopes = (ctx: SubgraphContext<unknown>): ScopeLoaders<AcademyScopes> => rulesFor(ctx.identity);

export const ACADEMY_REFUSALS: ScopeRefusals<AcademyScopes> = {
  managesAcademy: "Only the Academy's administrators maintain the catalogue and its sessions.",
  seesTrainingOf: "Only the member's own HR staff and the Academy's administrators see its training.",
};
