import { todayNl } from './testkit/calendar';
import { employeeId, M1, UNKNOWN_ID } from './testkit/ids';
import { rootFields } from './testkit/schema-walk';
import {
  ALLOWANCE,
  allowanceInput,
  APPRAISAL,
  APPROVE,
  asAdmin,
  asCao,
  asHr,
  asMemberAdmin,
  AUDIT,
  auditInput,
  BIDI,
  BRANCH_ADD,
  BRANCH_UPDATE,
  branchInput,
  CALCULATE,
  CAO_CELLS,
  CAO_CREATE,
  CAO_DELETE,
  CAO_INCREASE,
  CAO_PUBLISH,
  CAO_UPDATE,
  cases,
  EMPLOYEE_UPDATE,
  EMPLOYMENT_ADD,
  EMPLOYMENT_UPDATE,
  employmentInput,
  fingerprint,
  hire,
  hireInput,
  ids,
  LONG,
  MEMBER_CREATE,
  MEMBER_UPDATE,
  memberInput,
  MINIMUM_WAGE,
  mutate,
  NUL,
  PAID,
  refusal,
  SETTINGS,
  settingsInput,
  STEP_INCREASES,
  type Subgraph,
  TEN_THOUSAND,
  USER_CREATE,
  USER_DEACTIVATE,
  USER_UPDATE,
  userInput,
  VOLUNTEER,
  volunteerInput,
} from './testkit/input-rules';

// The platform's shared input rules through the real gateway (what they are: testkit/input-rules.ts).
// This file: every mutation of every subgraph: a control character and over-long text.

const EVERY_MUTATION = [
  // --- members ---
  cases('members', 'createMember', () => [
    ['a NUL in the name', () => mutate(MEMBER_CREATE, { input: memberInput({ name: NUL }) }, asAdmin), 'input.name'],
    ['an over-long city', () => mutate(MEMBER_CREATE, { input: memberInput({ city: LONG }) }, asAdmin), 'input.city'],
    [
      'a bidirectional override in the city',
      () => mutate(MEMBER_CREATE, { input: memberInput({ city: BIDI }) }, asAdmin),
      'input.city',
    ],
  ]),
  cases('members', 'updateMember', () => [
    ['a NUL in the id', () => mutate(MEMBER_UPDATE, { id: `${M1}\u0000`, input: { name: 'Nieuw' } }, asAdmin), 'id'],
    ['a NUL in the name', () => mutate(MEMBER_UPDATE, { id: M1, input: { name: NUL } }, asAdmin), 'input.name'],
    ['an over-long city', () => mutate(MEMBER_UPDATE, { id: M1, input: { city: LONG } }, asAdmin), 'input.city'],
  ]),
  cases('members', 'recordKeurmerkAudit', () => [
    ['a NUL in the auditor', () => mutate(AUDIT, { input: auditInput({ auditor: NUL }) }, asAdmin), 'input.auditor'],
    ['over-long notes', () => mutate(AUDIT, { input: auditInput({ notes: LONG }) }, asAdmin), 'input.notes'],
    [
      'notes above their own limit',
      () => mutate(AUDIT, { input: auditInput({ notes: TEN_THOUSAND }) }, asAdmin),
      'input.notes',
    ],
  ]),
  cases('members', 'addBranch', () => [
    ['a NUL in the street', () => mutate(BRANCH_ADD, { input: branchInput({ street: NUL }) }, asAdmin), 'input.street'],
    ['an over-long name', () => mutate(BRANCH_ADD, { input: branchInput({ name: LONG }) }, asAdmin), 'input.name'],
  ]),
  cases('members', 'updateBranch', () => [
    [
      'a NUL in the house number',
      () => mutate(BRANCH_UPDATE, { id: ids.branchOf1, input: { houseNumber: '1\u0000' } }, asMemberAdmin),
      'input.houseNumber',
    ],
    [
      'an over-long city',
      () => mutate(BRANCH_UPDATE, { id: ids.branchOf1, input: { city: LONG } }, asMemberAdmin),
      'input.city',
    ],
  ]),
  cases('members', 'createUser', () => [
    ['a NUL in the name', () => mutate(USER_CREATE, { input: userInput({ name: NUL }) }, asMemberAdmin), 'input.name'],
    [
      'a 10,000-character e-mail address',
      () => mutate(USER_CREATE, { input: userInput({ email: TEN_THOUSAND }) }, asMemberAdmin),
      'input.email',
    ],
    [
      'a line break in the name',
      () => mutate(USER_CREATE, { input: userInput({ name: 'Joke\nInvoer' }) }, asMemberAdmin),
      'input.name',
    ],
  ]),
  cases('members', 'updateUser', () => [
    ['a NUL in the name', () => mutate(USER_UPDATE, { id: ids.userOf1, input: { name: NUL } }, asAdmin), 'input.name'],
    [
      'a bidirectional override in the e-mail address',
      () => mutate(USER_UPDATE, { id: ids.userOf1, input: { email: 'joke\u202E@example.org' } }, asAdmin),
      'input.email',
    ],
    [
      'an over-long e-mail address',
      () => mutate(USER_UPDATE, { id: ids.userOf1, input: { email: LONG } }, asAdmin),
      'input.email',
    ],
  ]),
  cases('members', 'deactivateUser', () => [
    ['a NUL in the id', () => mutate(USER_DEACTIVATE, { id: `${ids.userOf1}\u0000` }, asAdmin), 'id'],
    ['an over-long id', () => mutate(USER_DEACTIVATE, { id: LONG }, asAdmin), 'id'],
  ]),
  // --- cao ---
  cases('cao', 'createCaoDraft', () => [
    ['a NUL in the name', () => mutate(CAO_CREATE, { input: { name: NUL } }, asCao), 'input.name'],
    [
      'an over-long basedOnVersionId',
      () => mutate(CAO_CREATE, { input: { name: 'CAO 2030', basedOnVersionId: LONG } }, asCao),
      'input.basedOnVersionId',
    ],
  ]),
  cases('cao', 'updateCaoDraft', () => [
    [
      'a NUL in the second party',
      () => mutate(CAO_UPDATE, { id: ids.draft, input: { parties: ['BKN', NUL] } }, asCao),
      'input.parties.1',
    ],
    [
      'an over-long overtime rule',
      () => mutate(CAO_UPDATE, { id: ids.draft, input: { overtimeRule: LONG } }, asCao),
      'input.overtimeRule',
    ],
    [
      'a line break in the name',
      () => mutate(CAO_UPDATE, { id: ids.draft, input: { name: 'CAO\r\n2030' } }, asCao),
      'input.name',
    ],
  ]),
  cases('cao', 'applyGeneralIncrease', () => [
    ['a NUL in the id', () => mutate(CAO_INCREASE, { id: `${ids.draft}\u0000`, input: { percent: '2' } }, asCao), 'id'],
    ['an over-long id', () => mutate(CAO_INCREASE, { id: LONG, input: { percent: '2' } }, asCao), 'id'],
  ]),
  cases('cao', 'setWageCells', () => [
    ['a NUL in the id', () => mutate(CAO_CELLS, { id: `${ids.draft}\u0000`, cells: [] }, asCao), 'id'],
    ['an over-long id', () => mutate(CAO_CELLS, { id: LONG, cells: [] }, asCao), 'id'],
  ]),
  cases('cao', 'publishCaoVersion', () => [
    [
      'a NUL in the id',
      () => mutate(CAO_PUBLISH, { id: `${ids.draft}\u0000`, input: { effectiveFrom: '2031-01-01' } }, asCao),
      'id',
    ],
    ['an over-long id', () => mutate(CAO_PUBLISH, { id: LONG, input: { effectiveFrom: '2031-01-01' } }, asCao), 'id'],
  ]),
  cases('cao', 'deleteCaoDraft', () => [
    ['a NUL in the id', () => mutate(CAO_DELETE, { id: `${ids.draft}\u0000` }, asCao), 'id'],
    ['an over-long id', () => mutate(CAO_DELETE, { id: LONG }, asCao), 'id'],
  ]),
  cases('cao', 'registerMinimumWage', () => [
    // It takes no text at all: its one free-form input is the effective date, which must be plausible.
    [
      'an effective date of 1800',
      () => mutate(MINIMUM_WAGE, { input: { effectiveFrom: '1800-01-01', adultHourly: '14.71' } }, asCao),
      'input.effectiveFrom',
    ],
    [
      'an effective date of 2999',
      () => mutate(MINIMUM_WAGE, { input: { effectiveFrom: '2999-01-01', adultHourly: '14.71' } }, asCao),
      'input.effectiveFrom',
    ],
  ]),
  // --- hr-payroll ---
  cases('hr-payroll', 'hireEmployee', () => [
    ['a NUL in the first name', () => hire(hireInput({ firstName: NUL })), 'input.firstName'],
    ['an over-long last name', () => hire(hireInput({ lastName: LONG })), 'input.lastName'],
  ]),
  cases('hr-payroll', 'updateEmployee', () => [
    [
      'a NUL in the last name',
      () => mutate(EMPLOYEE_UPDATE, { id: employeeId(1), input: { lastName: NUL } }, asHr),
      'input.lastName',
    ],
    [
      'an over-long e-mail address',
      () => mutate(EMPLOYEE_UPDATE, { id: employeeId(1), input: { email: TEN_THOUSAND } }, asHr),
      'input.email',
    ],
    [
      'an over-long city',
      () =>
        mutate(
          EMPLOYEE_UPDATE,
          {
            id: employeeId(1),
            input: { address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 AB', city: LONG } },
          },
          asHr,
        ),
      'input.address.city',
    ],
  ]),
  cases('hr-payroll', 'addEmployment', () => [
    [
      'a NUL in the function title',
      () => mutate(EMPLOYMENT_ADD, { employeeId: employeeId(2), input: employmentInput({ functionTitle: NUL }) }, asHr),
      'input.functionTitle',
    ],
    [
      'an over-long subsidy municipality',
      () =>
        mutate(
          EMPLOYMENT_ADD,
          { employeeId: employeeId(2), input: employmentInput({ subsidyMunicipality: TEN_THOUSAND }) },
          asHr,
        ),
      'input.subsidyMunicipality',
    ],
  ]),
  cases('hr-payroll', 'updateEmployment', () => [
    [
      'a NUL in the function title',
      () => mutate(EMPLOYMENT_UPDATE, { id: ids.employmentOf1, input: { functionTitle: NUL } }, asHr),
      'input.functionTitle',
    ],
    [
      'an over-long subsidy municipality',
      () => mutate(EMPLOYMENT_UPDATE, { id: ids.employmentOf1, input: { subsidyMunicipality: LONG } }, asHr),
      'input.subsidyMunicipality',
    ],
  ]),
  cases('hr-payroll', 'recordAppraisal', () => [
    [
      'a NUL in the note',
      () =>
        mutate(
          APPRAISAL,
          { input: { employmentId: ids.employmentOf1, appraisedOn: todayNl(), outcome: 'GOOD', note: NUL } },
          asHr,
        ),
      'input.note',
    ],
    [
      'an over-long note',
      () =>
        mutate(
          APPRAISAL,
          { input: { employmentId: ids.employmentOf1, appraisedOn: todayNl(), outcome: 'GOOD', note: LONG } },
          asHr,
        ),
      'input.note',
    ],
  ]),
  cases('hr-payroll', 'applyStepIncreases', () => [
    [
      'a NUL in the member id',
      () => mutate(STEP_INCREASES, { memberId: `${M1}\u0000`, on: todayNl() }, asHr),
      'memberId',
    ],
    ['an over-long member id', () => mutate(STEP_INCREASES, { memberId: LONG, on: todayNl() }, asHr), 'memberId'],
  ]),
  cases('hr-payroll', 'calculatePayrollRun', () => [
    ['a NUL in the member id', () => mutate(CALCULATE, { memberId: `${M1}\u0000` }, asHr), 'memberId'],
    ['an over-long member id', () => mutate(CALCULATE, { memberId: LONG }, asHr), 'memberId'],
  ]),
  cases('hr-payroll', 'approvePayrollRun', () => [
    ['a NUL in the id', () => mutate(APPROVE, { id: `${UNKNOWN_ID}\u0000` }, asHr), 'id'],
    ['an over-long id', () => mutate(APPROVE, { id: LONG }, asHr), 'id'],
  ]),
  cases('hr-payroll', 'markPayrollRunPaid', () => [
    ['a NUL in the id', () => mutate(PAID, { id: `${UNKNOWN_ID}\u0000` }, asHr), 'id'],
    ['an over-long id', () => mutate(PAID, { id: LONG }, asHr), 'id'],
  ]),
  cases('hr-payroll', 'setPayrollSettings', () => [
    [
      'a NUL in the member id',
      () => mutate(SETTINGS, { memberId: `${M1}\u0000`, input: settingsInput }, asHr),
      'memberId',
    ],
    ['an over-long member id', () => mutate(SETTINGS, { memberId: LONG, input: settingsInput }, asHr), 'memberId'],
  ]),
  cases('hr-payroll', 'registerVolunteer', () => [
    [
      'a NUL in the first name',
      () => mutate(VOLUNTEER, { input: volunteerInput({ firstName: NUL }) }, asHr),
      'input.firstName',
    ],
    [
      'an over-long last name',
      () => mutate(VOLUNTEER, { input: volunteerInput({ lastName: LONG }) }, asHr),
      'input.lastName',
    ],
    [
      'a 10,000-character e-mail address',
      () => mutate(VOLUNTEER, { input: volunteerInput({ email: TEN_THOUSAND }) }, asHr),
      'input.email',
    ],
  ]),
  cases('hr-payroll', 'recordVolunteerAllowance', () => [
    ['a NUL in the note', () => mutate(ALLOWANCE, { input: allowanceInput({ note: NUL }) }, asHr), 'input.note'],
    ['an over-long note', () => mutate(ALLOWANCE, { input: allowanceInput({ note: LONG }) }, asHr), 'input.note'],
    [
      'a NUL in the volunteer id',
      () => mutate(ALLOWANCE, { input: allowanceInput({ volunteerId: `${ids.volunteer}\u0000` }) }, asHr),
      'input.volunteerId',
    ],
  ]),
];

describe.each(EVERY_MUTATION)('%s %s', (subgraph, _mutation, list) => {
  test('refuses control characters and over-long text with BAD_USER_INPUT on the argument, writing nothing', async () => {
    for (const [what, run, field] of list()) {
      const before = await fingerprint(subgraph as Subgraph);
      const res = await run();
      expect({ what, ...refusal(res) }).toEqual({ what, codes: ['BAD_USER_INPUT'], field });
      expect(await fingerprint(subgraph as Subgraph)).toEqual(before);
    }
  });
});

test('every mutation of every subgraph is covered above', () => {
  const all = rootFields()
    .filter((f) => f.operation === 'mutation')
    .map((f) => f.name)
    .sort();
  expect(all.length).toBeGreaterThan(20);
  expect(EVERY_MUTATION.map(([, name]) => name).sort()).toEqual(all);
});
