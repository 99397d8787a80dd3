// GraphQL documents that several test files send, with the types of what they answer.

/** Calculates a member's month; answers the run and its payslips. */
export const CALCULATE_RUN = `mutation($m: ID!, $y: Int!, $mo: Int!) {
  calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
    id status payslips(first: 50) { totalCount edges { node { id employeeId employmentId gross net } } } } }`;
export interface CalculatedRun {
  calculatePayrollRun: {
    id: string;
    status: string;
    payslips: {
      totalCount: number;
      edges: { node: { id: string; employeeId: string; employmentId: string; gross: string; net: string } }[];
    };
  };
}

export const APPROVE_RUN = `mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`;
export const PAY_RUN = `mutation($id: ID!) { markPayrollRunPaid(id: $id) { status } }`;
export interface RunStatus {
  approvePayrollRun?: { status: string };
  markPayrollRunPaid?: { status: string };
}

/** A new employee (`HireEmployeeInput`, see testkit `hireInputFor`); answers the ids. */
export const HIRE_EMPLOYEE = `mutation($input: HireEmployeeInput!) {
  hireEmployee(input: $input) { id employments { id startDate } } }`;
export interface HiredEmployee {
  hireEmployee: { id: string; employments: { id: string; startDate: string }[] };
}

/** A draft of the CAO, as a copy of the version in force unless `basedOnVersionId` says otherwise. */
export const CREATE_CAO_DRAFT = `mutation($input: CreateCaoDraftInput!) { createCaoDraft(input: $input) { id } }`;
export interface CreatedDraft {
  createCaoDraft: { id: string };
}
export const PUBLISH_CAO_VERSION = `mutation($id: ID!, $input: PublishCaoVersionInput!) {
  publishCaoVersion(id: $id, input: $input) { id status effectiveFrom effectiveTo publishedAt } }`;
export interface PublishedVersion {
  publishCaoVersion: {
    id: string;
    status: string;
    effectiveFrom: string;
    effectiveTo: string | null;
    publishedAt: string;
  };
}

/** The first `first` members of the directory, by name. */
export const FIRST_MEMBERS = `query($first: Int!) { members(first: $first) { edges { node { id } } } }`;
export interface MemberIds {
  members: { edges: { node: { id: string } }[] };
}

/** An entry of an audit log (the CAO's and a member's payroll log alike). */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The state before and after, as JSON text. */
  before: string | null;
  after: string | null;
}
