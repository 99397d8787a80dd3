import { exact, isDomainError, parseCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { validatePeriod, validateSalaryTable } from '../domain/salary-table';

const scale = (n: number, ...amounts: string[]) => ({
  scale: n,
  steps: amounts.map((a, step) => ({ step, monthlyFullTime: exact(a) })),
});
/** A rule's refusal as the API answers it: the DomainError's kind is the code, its field the field. */
const fieldOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.kind, field: error.field };
  }
  return null;
};

test('a valid table passes; equal neighbouring steps are allowed', () => {
  expect(() => validateSalaryTable([scale(1, '2201.94'), scale(2, '2201.94', '2201.94', '2211.76')])).not.toThrow();
});

test('a gap in the steps names the missing cell', () => {
  const table = [{ scale: 5, steps: [0, 1, 3].map((step) => ({ step, monthlyFullTime: exact(2000 + step) })) }];
  expect(fieldOf(() => validateSalaryTable(table))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'salaryTable.scale5.step2',
  });
  const noZero = [{ scale: 3, steps: [{ step: 1, monthlyFullTime: exact(2000) }] }];
  expect(fieldOf(() => validateSalaryTable(noZero))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'salaryTable.scale3.step0',
  });
});

test('an amount that falls as steps rise names the cell', () => {
  expect(fieldOf(() => validateSalaryTable([scale(4, '2250.00', '2293.95', '2293.94')]))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'salaryTable.scale4.step2',
  });
});

test('amounts must be positive', () => {
  expect(fieldOf(() => validateSalaryTable([scale(2, '0')]))?.field).toBe('salaryTable.scale2.step0');
  expect(fieldOf(() => validateSalaryTable([scale(2, '-5')]))?.field).toBe('salaryTable.scale2.step0');
});

test('inverted dates are refused', () => {
  const d = (s: string) => parseCalendarDate(s)!;
  expect(fieldOf(() => validatePeriod(d('2025-12-31'), d('2025-01-01')))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'input.effectiveTo',
  });
  expect(() => validatePeriod(d('2025-01-01'), d('2025-01-01'))).not.toThrow();
});
