import { todayNl } from './calendar';

/**
 * Fictional BSNs that pass the 11-proof, one after another from `start` (a test file picks its
 * own range, so that people it hires never share a BSN with another file's on a shared database).
 */
export function bsnSequence(start: number): () => string {
  let serial = start;
  return () => {
    for (;;) {
      const eight = String(serial++);
      const sum = [...eight].reduce((acc, digit, i) => acc + Number(digit) * (9 - i), 0);
      if (sum % 11 < 10) return `${eight}${sum % 11}`;
    }
  };
}

/**
 * A `HireEmployeeInput` that the platform accepts: a fictional person on scale 5 step 3,
 * 32 hours, starting today; `overrides` and `employment` change what a test is about.
 */
export function hireInputFor(
  memberId: string,
  bsn: string,
  overrides: Record<string, unknown> = {},
  employment: Record<string, unknown> = {},
) {
  return {
    memberId,
    firstName: 'Sem',
    lastName: 'Testpersoon',
    birthDate: '1990-05-15',
    bsn,
    iban: 'NL91ABNA0417164300',
    address: { street: 'Kerkstraat', houseNumber: '12a', postcode: '8011 AB', city: 'Zwolle' },
    email: 'sem@example.org',
    ...overrides,
    employment: {
      startDate: todayNl(),
      contractType: 'PERMANENT',
      functionTitle: 'Winkelmedewerker',
      caoScale: 5,
      caoStep: 3,
      hoursPerWeek: '32',
      ...employment,
    },
  };
}
