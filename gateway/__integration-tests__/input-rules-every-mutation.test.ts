import { todayNl } from './testkit/calendar';
import { employeeId, M1, UNKNOWN_ID } from './testkit/ids';
import { rootFields } from './testkit/schema-walk';
import {
  allowanceInput,
  appraisalInput,
  auditInput,
  BIDI,
  branchInput,
  cases,
  employmentInput,
  hireInput,
  ids,
  LONG,
  memberInput,
  NUL,
  settingsInput,
  TEN_THOUSAND,
  userInput,
  volunteerInput,
} from './testkit/input-rules';
import { ACADEMY_MUTATION_CASES } from './testkit/input-rules-academy';
import { describeInputRules, PROCUREMENT_MUTATIONS } from './testkit/input-rules-procurement';

// The platform's shared input rules through the real gateway (what they are: testkit/input-rules.ts).
// This file: every mutation of members, cao, hr-payroll and academy: a control character and
// over-long text; and that every mutation of every subgraph is covered here or in
// input-rules-every-mutation-procurement.test.ts (procurement's, in testkit/input-rules-procurement.ts).

const SPINE_MUTATIONS = [
  // --- members ---
  cases('createMember', () => [
    ['a NUL in the name', { input: memberInput({ name: NUL }) }, 'input.name'],
    ['an over-long city', { input: memberInput({ city: LONG }) }, 'input.city'],
    ['a bidirectional override in the city', { input: memberInput({ city: BIDI }) }, 'input.city'],
  ]),
  cases('updateMember', () => [
    ['a NUL in the id', { id: `${M1}\u0000`, input: { name: 'Nieuw' } }, 'id'],
    ['a NUL in the name', { id: M1, input: { name: NUL } }, 'input.name'],
    ['an over-long city', { id: M1, input: { city: LONG } }, 'input.city'],
  ]),
  cases('recordKeurmerkAudit', () => [
    ['a NUL in the auditor', { input: auditInput({ auditor: NUL }) }, 'input.auditor'],
    ['over-long notes', { input: auditInput({ notes: LONG }) }, 'input.notes'],
    ['notes above their own limit', { input: auditInput({ notes: TEN_THOUSAND }) }, 'input.notes'],
  ]),
  cases('addBranch', () => [
    ['a NUL in the street', { input: branchInput({ street: NUL }) }, 'input.street'],
    ['an over-long name', { input: branchInput({ name: LONG }) }, 'input.name'],
  ]),
  cases('updateBranch', () => [
    ['a NUL in the house number', { id: ids.branchOf1, input: { houseNumber: '1\u0000' } }, 'input.houseNumber'],
    ['an over-long city', { id: ids.branchOf1, input: { city: LONG } }, 'input.city'],
  ]),
  cases('createUser', () => [
    ['a NUL in the name', { input: userInput({ name: NUL }) }, 'input.name'],
    ['a 10,000-character e-mail address', { input: userInput({ email: TEN_THOUSAND }) }, 'input.email'],
    ['a line break in the name', { input: userInput({ name: 'Joke\nInvoer' }) }, 'input.name'],
  ]),
  cases('updateUser', () => [
    ['a NUL in the name', { id: ids.userOf1, input: { name: NUL } }, 'input.name'],
    [
      'a bidirectional override in the e-mail address',
      { id: ids.userOf1, input: { email: 'joke\u202E@example.org' } },
      'input.email',
    ],
    ['an over-long e-mail address', { id: ids.userOf1, input: { email: LONG } }, 'input.email'],
  ]),
  cases('deactivateUser', () => [
    ['a NUL in the id', { id: `${ids.userOf1}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  // --- cao ---
  cases('createCaoDraft', () => [
    ['a NUL in the name', { input: { name: NUL } }, 'input.name'],
    [
      'an over-long basedOnVersionId',
      { input: { name: 'CAO 2030', basedOnVersionId: LONG } },
      'input.basedOnVersionId',
    ],
  ]),
  cases('updateCaoDraft', () => [
    ['a NUL in the second party', { id: ids.draft, input: { parties: ['BKN', NUL] } }, 'input.parties.1'],
    ['an over-long overtime rule', { id: ids.draft, input: { overtimeRule: LONG } }, 'input.overtimeRule'],
    ['a line break in the name', { id: ids.draft, input: { name: 'CAO\r\n2030' } }, 'input.name'],
  ]),
  cases('applyGeneralIncrease', () => [
    ['a NUL in the id', { id: `${ids.draft}\u0000`, input: { percent: '2' } }, 'id'],
    ['an over-long id', { id: LONG, input: { percent: '2' } }, 'id'],
  ]),
  cases('setWageCells', () => [
    ['a NUL in the id', { id: `${ids.draft}\u0000`, cells: [] }, 'id'],
    ['an over-long id', { id: LONG, cells: [] }, 'id'],
  ]),
  cases('publishCaoVersion', () => [
    ['a NUL in the id', { id: `${ids.draft}\u0000`, input: { effectiveFrom: '2031-01-01' } }, 'id'],
    ['an over-long id', { id: LONG, input: { effectiveFrom: '2031-01-01' } }, 'id'],
  ]),
  cases('deleteCaoDraft', () => [
    ['a NUL in the id', { id: `${ids.draft}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('registerMinimumWage', () => [
    // It takes no text at all: its one free-form input is the effective date, which must be plausible.
    [
      'an effective date of 1800',
      { input: { effectiveFrom: '1800-01-01', adultHourly: '14.71' } },
      'input.effectiveFrom',
    ],
    [
      'an effective date of 2999',
      { input: { effectiveFrom: '2999-01-01', adultHourly: '14.71' } },
      'input.effectiveFrom',
    ],
  ]),
  // --- hr-payroll ---
  cases('hireEmployee', () => [
    ['a NUL in the first name', { input: hireInput({ firstName: NUL }) }, 'input.firstName'],
    ['an over-long last name', { input: hireInput({ lastName: LONG }) }, 'input.lastName'],
  ]),
  cases('updateEmployee', () => [
    ['a NUL in the last name', { id: employeeId(1), input: { lastName: NUL } }, 'input.lastName'],
    ['an over-long e-mail address', { id: employeeId(1), input: { email: TEN_THOUSAND } }, 'input.email'],
    [
      'an over-long city',
      {
        id: employeeId(1),
        input: { address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 AB', city: LONG } },
      },
      'input.address.city',
    ],
  ]),
  cases('addEmployment', () => [
    [
      'a NUL in the function title',
      { employeeId: employeeId(2), input: employmentInput({ functionTitle: NUL }) },
      'input.functionTitle',
    ],
    [
      'an over-long subsidy municipality',
      { employeeId: employeeId(2), input: employmentInput({ subsidyMunicipality: TEN_THOUSAND }) },
      'input.subsidyMunicipality',
    ],
  ]),
  cases('updateEmployment', () => [
    ['a NUL in the function title', { id: ids.employmentOf1, input: { functionTitle: NUL } }, 'input.functionTitle'],
    [
      'an over-long subsidy municipality',
      { id: ids.employmentOf1, input: { subsidyMunicipality: LONG } },
      'input.subsidyMunicipality',
    ],
  ]),
  cases('recordAppraisal', () => [
    ['a NUL in the note', { input: appraisalInput({ note: NUL }) }, 'input.note'],
    ['an over-long note', { input: appraisalInput({ note: LONG }) }, 'input.note'],
  ]),
  cases('applyStepIncreases', () => [
    ['a NUL in the member id', { memberId: `${M1}\u0000`, on: todayNl() }, 'memberId'],
    ['an over-long member id', { memberId: LONG, on: todayNl() }, 'memberId'],
  ]),
  cases('calculatePayrollRun', () => [
    ['a NUL in the member id', { memberId: `${M1}\u0000` }, 'memberId'],
    ['an over-long member id', { memberId: LONG }, 'memberId'],
  ]),
  cases('approvePayrollRun', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('markPayrollRunPaid', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('setPayrollSettings', () => [
    ['a NUL in the member id', { memberId: `${M1}\u0000`, input: settingsInput }, 'memberId'],
    ['an over-long member id', { memberId: LONG, input: settingsInput }, 'memberId'],
  ]),
  cases('setOpeningBalances', () => [
    ['a NUL in the employee id', { employeeId: `${UNKNOWN_ID}\u0000`, input: { asOf: '2025-09-30' } }, 'employeeId'],
    ['an over-long employee id', { employeeId: LONG, input: { asOf: '2025-09-30' } }, 'employeeId'],
  ]),
  cases('removeOpeningBalances', () => [
    ['a NUL in the employee id', { employeeId: `${UNKNOWN_ID}\u0000` }, 'employeeId'],
    ['an over-long employee id', { employeeId: LONG }, 'employeeId'],
  ]),
  cases('importOpeningBalances', () => [
    ['a NUL in the file', { memberId: M1, csv: `bsn;asOf\n123\u0000;2025-09-30` }, 'csv'],
    ['a file past its own 1,000,000-character limit', { memberId: M1, csv: 'x'.repeat(1_000_001) }, 'csv'],
    ['a NUL in the member id', { memberId: `${M1}\u0000`, csv: 'bsn;asOf' }, 'memberId'],
  ]),
  cases('registerVolunteer', () => [
    ['a NUL in the first name', { input: volunteerInput({ firstName: NUL }) }, 'input.firstName'],
    ['an over-long last name', { input: volunteerInput({ lastName: LONG }) }, 'input.lastName'],
    ['a 10,000-character e-mail address', { input: volunteerInput({ email: TEN_THOUSAND }) }, 'input.email'],
  ]),
  cases('recordVolunteerAllowance', () => [
    ['a NUL in the note', { input: allowanceInput({ note: NUL }) }, 'input.note'],
    ['an over-long note', { input: allowanceInput({ note: LONG }) }, 'input.note'],
    [
      'a NUL in the volunteer id',
      { input: allowanceInput({ volunteerId: `${ids.volunteer}\u0000` }) },
      'input.volunteerId',
    ],
  ]),
  // --- academy (testkit/input-rules-academy.ts) ---
  ...ACADEMY_MUTATION_CASES,
];

describeInputRules(SPINE_MUTATIONS);

test('every mutation of every subgraph is covered above', () => {
  const all = rootFields()
    .filter((f) => f.operation === 'mutation')
    .map((f) => f.name)
    .sort();
  expect(all.length).toBeGreaterThan(20);
  expect([...SPINE_MUTATIONS, ...PROCUREMENT_MUTATIONS].map(([, name]) => name).sort()).toEqual(all);
});
