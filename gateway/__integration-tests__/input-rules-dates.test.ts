import { addDays, addMonths, todayNl } from './testkit/calendar';
import { employeeId, M1 } from './testkit/ids';
import {
  admin,
  APPRAISAL,
  asAdmin,
  asCao,
  asHr,
  BRANCH_ADD,
  branchInput,
  CAO_PUBLISH,
  EMPLOYEE_UPDATE,
  EMPLOYMENT_ADD,
  employmentInput,
  expectRefused,
  hire,
  hireInput,
  hr1,
  ids,
  MEMBER_CREATE,
  MEMBER_UPDATE,
  memberInput,
  mutate,
  refusal,
  tp,
  VOLUNTEER,
  volunteerInput,
} from './testkit/input-rules';

// The platform's shared input rules through the real gateway (what they are: testkit/input-rules.ts).
// This file: line breaks, plausible dates, and queries.

describe('line breaks', () => {
  test('are refused in one-line text and kept, as \\n, in notes', async () => {
    await expectRefused('hr-payroll', () => hire(hireInput({ firstName: 'Sem\nPiet' })), 'input.firstName');
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { functionTitle: 'Chauffeur\t' + 'x' })),
      'input.employment.functionTitle',
    );
    const res = await mutate<{ recordAppraisal: { note: string } }>(
      APPRAISAL,
      {
        input: {
          employmentId: ids.employmentOf1,
          appraisedOn: todayNl(),
          outcome: 'GOOD',
          note: 'Goed jaar.\r\nVolgend jaar: kassa.\n\tMet cursus.',
        },
      },
      asHr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAppraisal.note).toBe('Goed jaar.\nVolgend jaar: kassa.\n\tMet cursus.');
  });
});

describe('plausible dates', () => {
  test('hireEmployee: a start date of 1800 or an end date of 2200 is refused on the employment', async () => {
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { startDate: '1800-01-01' })),
      'input.employment.startDate',
    );
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { contractType: 'FIXED_TERM', endDate: '2200-01-01' })),
      'input.employment.endDate',
    );
  });

  test('a birth date that makes someone older than 100 on their first day is refused', async () => {
    const start = todayNl();
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({ birthDate: addDays(addMonths(start, -101 * 12), 0) }, { startDate: start })),
      'input.birthDate',
    );
  });

  test('updateEmployee refuses a birth date of 1800', async () => {
    await expectRefused(
      'hr-payroll',
      () => mutate(EMPLOYEE_UPDATE, { id: employeeId(1), input: { birthDate: '1800-01-01' } }, asHr),
      'input.birthDate',
    );
  });

  test('registerVolunteer refuses a birth date of 1800 and a start date of 1800', async () => {
    await expectRefused(
      'hr-payroll',
      () => mutate(VOLUNTEER, { input: volunteerInput({ birthDate: '1800-01-01' }) }, asHr),
      'input.birthDate',
    );
    await expectRefused(
      'hr-payroll',
      () => mutate(VOLUNTEER, { input: volunteerInput({ birthDate: '1790-01-01', startDate: '1800-01-01' }) }, asHr),
      'input.startDate',
    );
  });

  test('addEmployment refuses an end date of 2200', async () => {
    await expectRefused(
      'hr-payroll',
      () =>
        mutate(
          EMPLOYMENT_ADD,
          { employeeId: employeeId(2), input: employmentInput({ contractType: 'FIXED_TERM', endDate: '2200-01-01' }) },
          asHr,
        ),
      'input.endDate',
    );
  });

  test('the directory refuses a member since 1800, a membership ending in 2999 and a shop opened in 1066', async () => {
    await expectRefused(
      'members',
      () => mutate(MEMBER_CREATE, { input: memberInput({ memberSince: '1800-01-01' }) }, asAdmin),
      'input.memberSince',
    );
    await expectRefused(
      'members',
      () => mutate(MEMBER_UPDATE, { id: M1, input: { memberUntil: '2999-12-31' } }, asAdmin),
      'input.memberUntil',
    );
    await expectRefused(
      'members',
      () => mutate(BRANCH_ADD, { input: branchInput({ openedOn: '1066-10-14' }) }, asAdmin),
      'input.openedOn',
    );
  });

  test('a CAO version cannot be published from 1800 or until 2999', async () => {
    await expectRefused(
      'cao',
      () => mutate(CAO_PUBLISH, { id: ids.draft, input: { effectiveFrom: '1800-01-01' } }, asCao),
      'input.effectiveFrom',
    );
    await expectRefused(
      'cao',
      () =>
        mutate(
          CAO_PUBLISH,
          { id: ids.draft, input: { effectiveFrom: '2031-01-01', effectiveTo: '2999-12-31' } },
          asCao,
        ),
      'input.effectiveTo',
    );
  });
});

describe('the safety net covers queries too', () => {
  test('a NUL in a filter is BAD_USER_INPUT on its path, not a database error', async () => {
    const branches = await tp.query(`query($name: String) { branches(filter: { name: $name }) { totalCount } }`, {
      token: admin,
      variables: { name: 'Kring\u0000' },
    });
    expect(refusal(branches)).toEqual({ codes: ['BAD_USER_INPUT'], field: 'filter.name' });
    const employees = await tp.query(`query($m: ID!) { employees(memberId: $m) { totalCount } }`, {
      token: hr1,
      variables: { m: `${M1}\u0000` },
    });
    expect(refusal(employees)).toEqual({ codes: ['BAD_USER_INPUT'], field: 'memberId' });
  });
});
