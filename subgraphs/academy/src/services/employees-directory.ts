import { askService, refusedBy, serviceOperation } from '@samen-sterk/subgraph-runtime';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';

/**
 * Questions to hr-payroll, which owns employees: the Academy keeps only their ids. The caller's
 * token goes along, so hr-payroll checks who asks: member HR sees its own member's employees and
 * no one else's. The answer's type is written here by hand; `__tests__/employees-directory.test.ts`
 * checks the operation against hr-payroll's committed SDL and that this type is what it answers.
 */

export type EmployerOfQuery = {
  employee: {
    id: string;
    employer: {
      id: string;
    } | null;
  };
};

export type EmployerOfVariables = {
  id: string;
};

const EMPLOYER_OF = serviceOperation<EmployerOfQuery, EmployerOfVariables>(/* GraphQL */ `
  query EmployerOf($id: ID!) {
    employee(id: $id) {
      id
      employer {
        id
      }
    }
  }
`);

const noSuchEmployee = () =>
  new DomainError(
    'EMPLOYEE_NOT_FOUND',
    'employeeId',
    'There is no such employee in your member organisation.',
    'NOT_FOUND',
  );

/**
 * The member an employee works for, as hr-payroll tells the caller. An employee hr-payroll does
 * not show the caller (another member's, or none) is NOT_FOUND, exactly as if there were none.
 */
export async function employerOf(ctx: AcademyContext, employeeId: string): Promise<string> {
  const body = await askService(ctx, 'hr-payroll', {
    query: EMPLOYER_OF,
    variables: { id: employeeId },
    label: 'HR directory',
  });
  const error = body.errors[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT') throw noSuchEmployee();
    throw refusedBy('hr-payroll', 'HR directory', error);
  }
  const employee = body.data?.employee;
  if (!employee) throw noSuchEmployee();
  // Nullable in hr-payroll's SDL (a reference into the members subgraph), never null for `id`.
  if (!employee.employer) throw noSuchEmployee();
  return employee.employer.id;
}

/** Every operation this client sends to hr-payroll (its test checks them against hr-payroll's SDL). */
export const HR_OPERATIONS = [EMPLOYER_OF];
