import { addDays, addMonths, todayNl } from './testkit/calendar';
import { employeeId, M1 } from './testkit/ids';
import {
  admin,
  appraisalInput,
  branchInput,
  employmentInput,
  expectRefused,
  expectSendRefused,
  hire,
  hireInput,
  hr1,
  ids,
  memberInput,
  refusal,
  send,
  tp,
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
    const note = 'Goed jaar.\r\nVolgend jaar: kassa.\n\tMet cursus.';
    const res = await send<{ recordAppraisal: { note: string } }>('recordAppraisal', {
      input: appraisalInput({ note }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAppraisal.note).toBe('Goed jaar.\nVolgend jaar: kassa.\n\tMet cursus.');
  });
});

describe('plausible dates', () => {
  test('hireEmployee: a start date of 1800 or an end date of 2200 is refused on the employment', async () => {
    await expectSendRefused(
      'hireEmployee',
      { input: hireInput({}, { startDate: '1800-01-01' }) },
      'input.employment.startDate',
    );
    await expectSendRefused(
      'hireEmployee',
      { input: hireInput({}, { contractType: 'FIXED_TERM', endDate: '2200-01-01' }) },
      'input.employment.endDate',
    );
  });

  test('a birth date that makes someone older than 100 on their first day is refused', async () => {
    const start = todayNl();
    const birthDate = addDays(addMonths(start, -101 * 12), 0);
    await expectSendRefused(
      'hireEmployee',
      { input: hireInput({ birthDate }, { startDate: start }) },
      'input.birthDate',
    );
  });

  test('updateEmployee refuses a birth date of 1800', async () => {
    await expectSendRefused(
      'updateEmployee',
      { id: employeeId(1), input: { birthDate: '1800-01-01' } },
      'input.birthDate',
    );
  });

  test('registerVolunteer refuses a birth date of 1800 and a start date of 1800', async () => {
    await expectSendRefused(
      'registerVolunteer',
      { input: volunteerInput({ birthDate: '1800-01-01' }) },
      'input.birthDate',
    );
    await expectSendRefused(
      'registerVolunteer',
      { input: volunteerInput({ birthDate: '1790-01-01', startDate: '1800-01-01' }) },
      'input.startDate',
    );
  });

  test('addEmployment refuses an end date of 2200', async () => {
    const input = employmentInput({ contractType: 'FIXED_TERM', endDate: '2200-01-01' });
    await expectSendRefused('addEmployment', { employeeId: employeeId(2), input }, 'input.endDate');
  });

  test('the directory refuses a member since 1800, a membership ending in 2999 and a shop opened in 1066', async () => {
    await expectSendRefused('createMember', { input: memberInput({ memberSince: '1800-01-01' }) }, 'input.memberSince');
    await expectSendRefused('updateMember', { id: M1, input: { memberUntil: '2999-12-31' } }, 'input.memberUntil');
    await expectSendRefused('addBranch', { input: branchInput({ openedOn: '1066-10-14' }) }, 'input.openedOn');
  });

  test('a CAO version cannot be published from 1800 or until 2999', async () => {
    await expectSendRefused(
      'publishCaoVersion',
      { id: ids.draft, input: { effectiveFrom: '1800-01-01' } },
      'input.effectiveFrom',
    );
    await expectSendRefused(
      'publishCaoVersion',
      { id: ids.draft, input: { effectiveFrom: '2031-01-01', effectiveTo: '2999-12-31' } },
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
