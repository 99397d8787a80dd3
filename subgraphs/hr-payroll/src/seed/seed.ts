import {
  addMonths,
  DEMO_FIRST_NAMES,
  DEMO_LAST_NAMES,
  DEMO_SAMPLE_EMPLOYEE,
  demoId,
  formatCalendarDate,
  parseCalendarDate,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import { careerOn, DEMO_BEHIND, DEMO_LKV_MISSED, lkvStatementRequestedOn } from './demo-careers';
import type { ContractType, PrismaClient } from '../generated/prisma/client';

/**
 * Demo employees for the first members of the members seed (whose ids follow one scheme), so
 * that HR, the payroll service and employees have someone to look at. Fictional people with
 * valid-looking BSNs and IBANs (they pass the 11-proof and mod 97; they belong to no one).
 * Deterministic, and does nothing when employees exist already.
 */
const MEMBERS_WITH_EMPLOYEES = 6;
const EMPLOYEES_PER_MEMBER = 12;
/** Steps per scale in the CAO 2024 table (scales 1–8). */
const STEPS = [1, 5, 7, 9, 11, 14, 18, 21];

const FUNCTIONS = [
  'Winkelmedewerker',
  'Medewerker sorteren',
  'Chauffeur',
  'Teamleider winkel',
  'Medewerker logistiek',
  'Filiaalmanager',
];
const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Schoolstraat', 'Stationsweg', 'Beukenlaan'];

/** `seedEmployeeId(1)` = `40000000-0000-4000-8000-000000000001` (the platform's demo-id scheme). */
export const seedEmployeeId = (n: number) => demoId('employee', n);

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Nine digits passing the 11-proof: the ninth digit makes the weighted sum a multiple of 11. */
function fictionalBsn(next: () => number): string {
  for (;;) {
    const digits = [1 + Math.floor(next() * 9), ...Array.from({ length: 7 }, () => Math.floor(next() * 10))];
    const check = digits.reduce((sum, digit, i) => sum + digit * (9 - i), 0) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

/** A Dutch IBAN with correct check digits (ISO 13616: 98 − mod 97 of the rearranged number). */
function fictionalIban(next: () => number): string {
  const account = String(Math.floor(next() * 1e10)).padStart(10, '0');
  const bban = `INGB${account}`;
  const numeric = `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `NL${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/**
 * Steps that follow the years of service up to `today` (seed/demo-careers.ts), with the few
 * behind that DEMO_BEHIND names; the LKV statement applied for in time except where
 * DEMO_LKV_MISSED says.
 */
function withCareers(
  employments: {
    memberId: string;
    startDate: Date;
    caoScale: number;
    caoStep: number;
    lkv: string | null;
    stepSince?: Date;
    lkvStatementRequestedOn?: Date | null;
    employeeId: string;
  }[],
  today: Date,
) {
  for (let m = 1; m <= MEMBERS_WITH_EMPLOYEES; m++) {
    const own = employments.filter((e) => e.memberId === demoId('member', m));
    const behind = [...(DEMO_BEHIND.get(m) ?? [])];
    const missed = DEMO_LKV_MISSED.get(m) ?? [];
    let withLkv = 0;
    for (const employment of own) {
      const maxStep = STEPS[employment.caoScale - 1]! - 1;
      const career = { startDate: employment.startDate, startStep: employment.caoStep, maxStep, today };
      const onTime = careerOn(career);
      // The next of the member's "behind" counts this career can show: it has had that many increases.
      const wanted = behind[0];
      const lag =
        wanted !== undefined &&
        employment.employeeId !== DEMO_SAMPLE_EMPLOYEE.employeeId &&
        onTime.caoStep - Math.min(employment.caoStep, maxStep) >= wanted
          ? behind.shift()!
          : 0;
      const { caoStep, stepSince } = careerOn({ ...career, behind: lag });
      employment.caoStep = caoStep;
      employment.stepSince = stepSince;
      if (employment.lkv) {
        employment.lkvStatementRequestedOn = lkvStatementRequestedOn(employment.startDate, missed.includes(withLkv));
        withLkv++;
      }
    }
  }
}

export async function seedHrPayroll(prisma: PrismaClient): Promise<{ seeded: boolean; employees: number }> {
  if ((await prisma.employee.count()) > 0) return { seeded: false, employees: await prisma.employee.count() };
  const next = random(20260101);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  // Draws the random names either way, so every other employee stays as it was.
  // Drawn for everyone, so that the sample employee's fixed name leaves the others as they were.
  const names = (sample: boolean) => {
    const drawn = { firstName: pick(DEMO_FIRST_NAMES), lastName: pick(DEMO_LAST_NAMES) };
    return sample ? { firstName: DEMO_SAMPLE_EMPLOYEE.firstName, lastName: DEMO_SAMPLE_EMPLOYEE.lastName } : drawn;
  };
  const employees = [];
  const employments = [];
  let n = 0;
  for (let m = 1; m <= MEMBERS_WITH_EMPLOYEES; m++) {
    const memberId = demoId('member', m);
    for (let e = 0; e < EMPLOYEES_PER_MEMBER; e++) {
      n++;
      const id = seedEmployeeId(n);
      const birthYear = 1960 + Math.floor(next() * 46); // 20 to 66 in 2026
      const birthDate = parseCalendarDate(
        `${birthYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      )!;
      employees.push({
        id,
        memberId,
        ...names(id === DEMO_SAMPLE_EMPLOYEE.employeeId),
        birthDate,
        bsn: fictionalBsn(next),
        iban: fictionalIban(next),
        street: pick(STREETS),
        houseNumber: String(1 + Math.floor(next() * 140)),
        postcode: `${1000 + Math.floor(next() * 8999)} ${pick(['AB', 'CD', 'EK', 'GP', 'LM', 'RT'])}`,
        city: 'Zwolle',
        email: null,
      });
      const scale = 2 + Math.floor(next() * 6);
      // Never before the employee's 16th birthday month (the API refuses anyone under 15 on day one).
      const drawn = addMonths(parseCalendarDate('2015-01-01')!, Math.floor(next() * 120));
      const sixteen = addMonths(
        parseCalendarDate(`${birthYear + 16}-${formatCalendarDate(birthDate).slice(5, 7)}-01`)!,
        1,
      );
      const startDate = drawn > sixteen ? drawn : sixteen;
      const contractType: ContractType = pick(['PERMANENT', 'PERMANENT', 'FIXED_TERM', 'ON_CALL'] as const);
      const targetGroup = next() < 0.45; // about half the sector's workers have support needs
      employments.push({
        id: id.replace(/^40000000/, '50000000'),
        employeeId: id,
        memberId,
        startDate,
        endDate: null,
        contractType,
        writtenContract: true,
        functionTitle: pick(FUNCTIONS),
        caoScale: scale,
        // The step drawn counts as experience at hiring (at most two steps); careerOn adds the years.
        caoStep: Math.min(2, Math.floor(next() * STEPS[scale - 1]!)),
        hoursPerWeek: pick(['16', '20', '24', '32', '36', '38']),
        applyTaxCredit: next() < 0.85,
        jobAgreementRegister: targetGroup,
        shelteredWork: targetGroup && next() < 0.3,
        wageValuePercent: targetGroup ? String(40 + Math.floor(next() * 50)) : null,
        subsidyMunicipality: targetGroup ? 'Zwolle' : null,
        lkv: targetGroup ? ('JOB_AGREEMENT_TARGET_GROUP' as const) : null,
      });
    }
  }
  withCareers(employments, todayInNetherlands());
  await prisma.$transaction([
    prisma.employee.createMany({ data: employees }),
    prisma.employment.createMany({ data: employments }),
    ...Array.from({ length: MEMBERS_WITH_EMPLOYEES }, (_, i) =>
      prisma.memberPayrollSettings.create({
        data: {
          memberId: demoId('member', i + 1),
          pensionEmployeePercent: '7.50',
          pensionEmployerPercent: '10.50',
        },
      }),
    ),
  ]);
  return { seeded: true, employees: employees.length };
}
