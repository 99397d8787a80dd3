import { employeeOf, hrOf, payrollFor } from './testkit/actors';
import { addDays, addMonths, todayNl } from './testkit/calendar';
import { expectOk, nonEmpty, firstError } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { M1, M7, UNKNOWN_ID } from './testkit/ids';
import { bsnSequence } from './testkit/people';
import { usePlatform } from './testkit/use-platform';

// The CAO's yearly step increase through the gateway ("one step a year after a good appraisal;
// automatic where the employer does not appraise; up to the scale maximum"): appraisals recorded
// by HR, the preview, applying it (all or nothing, once), catching up several years, the audit
// entries, and that nobody but the member's HR and payroll service sees or changes any of it.
// Member 7 has no seeded employees: the employees here are all there is.
const tp = usePlatform({ resetAfterAll: true });

let hr7: string;
let hr1: string;

const TODAY = todayNl();

const nextBsn = bsnSequence(31_000_000);

const HIRE = `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) {
  id employments { id startDate caoScale caoStep stepSince nextStepIncreaseOn } } }`;
const RECORD = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) {
  id appraisedOn outcome note recordedBy employment { id } } }`;
const INCREASE_FIELDS = `employee { id name } employment { id caoStep stepSince nextStepIncreaseOn }
  dueOn outcome scale fromStep toStep appraisal { id outcome appraisedOn } reason`;
const PREVIEW = `query($m: ID!, $on: Date!) { stepIncreasesDue(memberId: $m, on: $on) { ${INCREASE_FIELDS} } }`;
const APPLY = `mutation($m: ID!, $on: Date!) { applyStepIncreases(memberId: $m, on: $on) {
  memberId on employmentsChanged increases { ${INCREASE_FIELDS} } } }`;
const EMPLOYMENT = `query($id: ID!) { employee(id: $id) { employments { id caoScale caoStep stepSince nextStepIncreaseOn
  appraisals { id appraisedOn outcome note } } } }`;
const UPDATE_EMPLOYMENT = `mutation($id: ID!, $input: UpdateEmploymentInput!) {
  updateEmployment(id: $id, input: $input) { id caoStep stepSince nextStepIncreaseOn } }`;

interface Appraisal {
  id: string;
  appraisedOn: string;
  outcome: string;
  note: string | null;
}
interface Employment {
  id: string;
  caoScale: number;
  caoStep: number;
  stepSince: string;
  nextStepIncreaseOn: string;
  appraisals: Appraisal[];
}
interface StepIncrease {
  employee: { id: string; name: string };
  employment: Pick<Employment, 'id' | 'caoStep' | 'stepSince' | 'nextStepIncreaseOn'>;
  dueOn: string;
  outcome: string;
  scale: number;
  fromStep: number;
  toStep: number;
  appraisal: Pick<Appraisal, 'id' | 'outcome' | 'appraisedOn'> | null;
  reason: string;
}
interface Preview {
  stepIncreasesDue: StepIncrease[];
}
interface Applied {
  applyStepIncreases: { memberId: string; on: string; employmentsChanged: number; increases: StepIncrease[] };
}
interface UpdatedEmployment {
  updateEmployment: Pick<Employment, 'id' | 'caoStep' | 'stepSince' | 'nextStepIncreaseOn'>;
}
/** What the audit entry of a step increase records after it: the new step, and each year's outcome. */
interface StepAuditAfter {
  caoStep: number;
  stepSince: string;
  on: string;
  years: { outcome: string }[];
}

interface Hired {
  employeeId: string;
  employmentId: string;
  startDate: string;
}

/** Hires someone at member 7 on a scale and step, starting on a day in the past. */
const hire = async (lastName: string, startDate: string, caoScale: number, caoStep: number): Promise<Hired> => {
  const res = await tp.query<{
    hireEmployee: { id: string; employments: Pick<Employment, 'id' | 'stepSince' | 'nextStepIncreaseOn'>[] };
  }>(HIRE, {
    token: hr7,
    variables: {
      input: {
        memberId: M7,
        firstName: 'Periodiek',
        lastName,
        birthDate: '1985-04-12',
        bsn: nextBsn(),
        iban: 'NL91ABNA0417164300',
        address: { street: 'Molenweg', houseNumber: '3', postcode: '8011 AB', city: 'Zwolle' },
        employment: {
          startDate,
          contractType: 'PERMANENT',
          functionTitle: 'Winkelmedewerker',
          caoScale,
          caoStep,
          hoursPerWeek: '32',
        },
      },
    },
  });
  const { hireEmployee } = expectOk(res);
  const employment = hireEmployee.employments[0]!;
  // A new employment's step runs from its first day.
  expect(employment.stepSince).toBe(startDate);
  expect(employment.nextStepIncreaseOn).toBe(addMonths(startDate, 12));
  return { employeeId: hireEmployee.id, employmentId: employment.id, startDate };
};
const record = (input: Record<string, unknown>, as = hr7) =>
  tp.query<{ recordAppraisal: Appraisal & { recordedBy: string; employment: { id: string } } }>(RECORD, {
    token: as,
    variables: { input },
  });
const preview = (on: string, as = hr7, m = M7) => tp.query<Preview>(PREVIEW, { token: as, variables: { m, on } });
const apply = (on: string, as = hr7, m = M7) => tp.query<Applied>(APPLY, { token: as, variables: { m, on } });
interface EmployeeEmployments {
  employee: { employments: Employment[] };
}
const employmentOf = async (employeeId: string) =>
  expectOk(await tp.query<EmployeeEmployments>(EMPLOYMENT, { token: hr7, variables: { id: employeeId } })).employee
    .employments[0]!;

const sql = <Row>(text: string, params?: unknown[]) =>
  tp.platform.subgraphs['hr-payroll']!.database.sql.query<Row>(text, params);
/** What the hr-payroll database holds for member 7: refusals must leave it as it was. */
const state = async () =>
  sql<{ id: string; cao_step: number; step_since: string }>(
    `SELECT id, cao_step, to_char(step_since, 'YYYY-MM-DD') AS step_since FROM employment WHERE member_id = $1 ORDER BY id`,
    [M7],
  );
const counts = async () => {
  const [row] = await sql<{ appraisals: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM appraisal) AS appraisals, (SELECT count(*)::int FROM audit_log_entry) AS audit`,
  );
  return row!;
};
const stepAuditOf = (entityId: string) =>
  sql<{ actor_id: string; member_id: string; entity_type: string; before: unknown; after: unknown }>(
    `SELECT actor_id, member_id, entity_type, before, after FROM audit_log_entry
      WHERE action = 'STEP_INCREASE' AND entity_id = $1 ORDER BY at`,
    [entityId],
  );
/** A JSON column, whether the driver hands it over parsed or as text. */
const parse = <T>(json: unknown): T => (typeof json === 'string' ? JSON.parse(json) : json) as T;

beforeAll(async () => {
  [hr7, hr1] = await Promise.all([hrOf(M7), hrOf(M1)]);
});

describe('step increases at one member', () => {
  // Scale 5 runs 0–10, scale 2 runs 0–4 (CAO 2024).
  let automatic: Hired; // a year and ten days in, no appraisal
  let good: Hired; // thirteen months in, a good appraisal in the year
  let insufficient: Hired; // thirteen months in, an insufficient appraisal in the year
  let top: Hired; // at the top step of scale 2
  let behind: Hired; // three years and a month in: good, insufficient, none
  let notYet: Hired; // eleven months in: nothing due
  const dueOf = (h: Hired, years = 1) => {
    let due = h.startDate;
    for (let i = 0; i < years; i++) due = addMonths(due, 12);
    return due;
  };

  beforeAll(async () => {
    automatic = await hire('Automatisch', addDays(addMonths(TODAY, -12), -10), 5, 3);
    good = await hire('Goed', addMonths(TODAY, -13), 5, 3);
    insufficient = await hire('Onvoldoende', addMonths(TODAY, -13), 5, 3);
    top = await hire('Bovenaan', addMonths(TODAY, -13), 2, 4);
    behind = await hire('Achterstand', addMonths(TODAY, -37), 5, 1);
    notYet = await hire('Nieuw', addMonths(TODAY, -11), 5, 3);
  });

  test('HR records appraisals; each shows on its employment', async () => {
    const appraisals = [
      [good, addMonths(TODAY, -2), 'GOOD'],
      [insufficient, addMonths(TODAY, -3), 'GOOD'],
      [insufficient, addMonths(TODAY, -2), 'INSUFFICIENT'], // the latest in the year decides
      [top, addMonths(TODAY, -2), 'INSUFFICIENT'],
      [behind, addMonths(dueOf(behind, 1), -1), 'GOOD'], // year 1
      [behind, addMonths(dueOf(behind, 2), -1), 'INSUFFICIENT'], // year 2; year 3 has none
    ] as const;
    for (const [who, appraisedOn, outcome] of appraisals) {
      const res = await record({ employmentId: who.employmentId, appraisedOn, outcome, note: `  ${outcome}  ` });
      expect(expectOk(res).recordAppraisal).toMatchObject({
        appraisedOn,
        outcome,
        note: outcome,
        recordedBy: `hr-${M7}`,
        employment: { id: who.employmentId },
      });
    }
    const { appraisals: listed } = await employmentOf(insufficient.employeeId);
    expect(listed.map((a) => [a.appraisedOn, a.outcome])).toEqual([
      [addMonths(TODAY, -2), 'INSUFFICIENT'],
      [addMonths(TODAY, -3), 'GOOD'],
    ]);
  });

  test('the employee sees their own appraisals', async () => {
    const own = await employeeOf(M7, insufficient.employeeId, 'employee-own');
    const res = await tp.query<EmployeeEmployments>(EMPLOYMENT, {
      token: own,
      variables: { id: insufficient.employeeId },
    });
    expect(expectOk(res).employee.employments[0]!.appraisals).toHaveLength(2);
    const colleague = await tp.query(EMPLOYMENT, { token: own, variables: { id: good.employeeId } });
    expect(errorCodes(colleague)).toEqual(['NOT_FOUND']);
  });

  test('an appraisal in the future, before the start or of an unknown employment writes nothing', async () => {
    const before = await counts();
    const future = await record({ employmentId: good.employmentId, appraisedOn: addDays(TODAY, 1), outcome: 'GOOD' });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(future)?.extensions?.field).toBe('input.appraisedOn');
    const early = await record({
      employmentId: good.employmentId,
      appraisedOn: addDays(good.startDate, -1),
      outcome: 'INSUFFICIENT',
    });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(early)?.extensions?.field).toBe('input.appraisedOn');
    expect(firstError(early)?.message).toContain(good.startDate);
    const notADate = await record({ employmentId: good.employmentId, appraisedOn: '2025-02-30', outcome: 'GOOD' });
    expect(errorCodes(notADate)).toEqual(['BAD_USER_INPUT']);
    const unknown = await record({
      employmentId: UNKNOWN_ID,
      appraisedOn: TODAY,
      outcome: 'GOOD',
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(await counts()).toEqual(before);
  });

  test('the preview: automatic, good, insufficient, at the maximum, and one per elapsed year', async () => {
    const rows = expectOk(await preview(TODAY)).stepIncreasesDue;
    const of = (h: Hired) => rows.filter((r) => r.employment.id === h.employmentId);
    expect(of(notYet)).toEqual([]);
    expect(of(automatic)).toMatchObject([
      { dueOn: dueOf(automatic), outcome: 'RAISED', scale: 5, fromStep: 3, toStep: 4, appraisal: null },
    ]);
    expect(of(automatic)[0]!.reason).toMatch(/automatic/);
    expect(of(good)).toMatchObject([
      { dueOn: dueOf(good), outcome: 'RAISED', fromStep: 3, toStep: 4, appraisal: { outcome: 'GOOD' } },
    ]);
    expect(of(insufficient)).toMatchObject([
      {
        dueOn: dueOf(insufficient),
        outcome: 'WITHHELD',
        fromStep: 3,
        toStep: 3,
        appraisal: { outcome: 'INSUFFICIENT' },
      },
    ]);
    expect(of(top)).toMatchObject([{ dueOn: dueOf(top), outcome: 'AT_MAXIMUM', scale: 2, fromStep: 4, toStep: 4 }]);
    expect(of(behind).map((r) => [r.dueOn, r.outcome, r.fromStep, r.toStep, r.appraisal?.outcome ?? null])).toEqual([
      [dueOf(behind, 1), 'RAISED', 1, 2, 'GOOD'],
      [dueOf(behind, 2), 'WITHHELD', 2, 2, 'INSUFFICIENT'],
      [dueOf(behind, 3), 'RAISED', 2, 3, null],
    ]);
    expect(nonEmpty(rows).every((r) => r.employee.name.startsWith('Periodiek'))).toBe(true);
    // A preview changes nothing.
    expect((await employmentOf(automatic.employeeId)).caoStep).toBe(3);
  });

  test("another member's HR, an employee and strangers get nothing, and nothing changes", async () => {
    const before = [await state(), await counts()];
    for (const res of [await preview(TODAY, hr1), await apply(TODAY, hr1)]) {
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data ?? null).toBeNull();
    }
    const employee = await employeeOf(M7, automatic.employeeId, 'employee-x');
    expect(errorCodes(await apply(TODAY, employee))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tp.query(APPLY, { variables: { m: M7, on: TODAY } }))).toEqual(['UNAUTHENTICATED']);
    const foreign = await record({ employmentId: good.employmentId, appraisedOn: TODAY, outcome: 'INSUFFICIENT' }, hr1);
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(foreign)).not.toContain(good.startDate);
    expect([await state(), await counts()]).toEqual(before);
  });

  test('the payroll service for the member may preview', async () => {
    const res = await preview(TODAY, await payrollFor(M7));
    expect(expectOk(res).stepIncreasesDue.length).toBeGreaterThan(0);
  });

  test('applying for a date after today is refused', async () => {
    const res = await apply(addDays(TODAY, 1));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions?.field).toBe('on');
  });

  test('applying: steps and stepSince change, one audit entry per employment changed', async () => {
    const auditBefore = (await counts()).audit;
    const result = expectOk(await apply(TODAY)).applyStepIncreases;
    expect(result).toMatchObject({ memberId: M7, on: TODAY, employmentsChanged: 4 });
    expect(result.increases).toHaveLength(7); // 1 + 1 + 1 + 1 (at the maximum) + 3

    const expected: [Hired, number, string][] = [
      [automatic, 4, dueOf(automatic)],
      [good, 4, dueOf(good)],
      [insufficient, 3, dueOf(insufficient)], // withheld: the step stays, the year is done
      [top, 4, top.startDate], // at the maximum: nothing changes
      [behind, 3, dueOf(behind, 3)],
      [notYet, 3, notYet.startDate],
    ];
    for (const [who, step, since] of expected) {
      const employment = await employmentOf(who.employeeId);
      expect([who.employmentId, employment.caoStep, employment.stepSince]).toEqual([who.employmentId, step, since]);
      expect(employment.nextStepIncreaseOn).toBe(addMonths(since, 12));
    }

    expect((await counts()).audit).toBe(auditBefore + 4);
    const [entry, ...more] = await stepAuditOf(behind.employmentId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor_id: `hr-${M7}`, member_id: M7, entity_type: 'Employment' });
    expect(parse<unknown>(entry!.before)).toMatchObject({ caoScale: 5, caoStep: 1, stepSince: behind.startDate });
    const after = parse<StepAuditAfter>(entry!.after);
    expect(after).toMatchObject({ caoStep: 3, stepSince: dueOf(behind, 3), on: TODAY });
    expect(after.years.map((y) => y.outcome)).toEqual(['RAISED', 'WITHHELD', 'RAISED']);
    expect(await stepAuditOf(top.employmentId)).toEqual([]);
  });

  test('applying again for the same date changes nothing', async () => {
    const before = [await state(), await counts()];
    const { applyStepIncreases } = expectOk(await apply(TODAY));
    expect(applyStepIncreases.employmentsChanged).toBe(0);
    expect(applyStepIncreases.increases.map((i) => i.outcome)).toEqual(['AT_MAXIMUM']);
    expect([await state(), await counts()]).toEqual(before);
  });

  test('a step set by hand restarts the year on the day it takes effect', async () => {
    const res = await tp.query<UpdatedEmployment>(UPDATE_EMPLOYMENT, {
      token: hr7,
      variables: { id: notYet.employmentId, input: { caoStep: 5 } },
    });
    expect(expectOk(res).updateEmployment).toMatchObject({
      caoStep: 5,
      stepSince: TODAY,
      nextStepIncreaseOn: addMonths(TODAY, 12),
    });
    // Other changes leave it be.
    const hours = await tp.query<UpdatedEmployment>(UPDATE_EMPLOYMENT, {
      token: hr7,
      variables: { id: good.employmentId, input: { hoursPerWeek: '30' } },
    });
    expect(expectOk(hours).updateEmployment.stepSince).toBe(dueOf(good));
  });
});

describe('the demo seed', () => {
  test("member 1's steps follow their service years; two employments are behind, by 3 years and by 1", async () => {
    // Employments at the top of their scale are listed once, as AT_MAXIMUM: nothing to raise.
    const rows = expectOk(await preview(TODAY, hr1, M1)).stepIncreasesDue.filter((r) => r.outcome !== 'AT_MAXIMUM');
    const employments = new Set(rows.map((r) => r.employment.id));
    expect(employments.size).toBe(2);
    const raised = [...employments].map((id) => {
      const own = rows.filter((r) => r.employment.id === id);
      // Oldest first, chained: each year starts where the last one ended.
      own.forEach((r, i) => {
        if (i > 0) expect(r.fromStep).toBe(own[i - 1]!.toStep);
        expect(r.dueOn <= TODAY).toBe(true);
      });
      expect(own[0]!.employment.stepSince).toBe(addMonths(own[0]!.dueOn, -12));
      // No appraisals in the seed: every year behind is an automatic step.
      expect(own.every((r) => r.outcome === 'RAISED' && r.appraisal === null)).toBe(true);
      return own.length;
    });
    expect(raised.sort()).toEqual([1, 3]);
  });
});
