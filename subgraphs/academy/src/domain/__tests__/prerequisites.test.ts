import fc from 'fast-check';
import {
  checkRule,
  coursesIn,
  evaluatePrerequisites,
  findCycle,
  type Completion,
  type PrerequisiteRule,
} from '../prerequisites';
import { day, TITLES } from './fixtures';

const done = (courseCode: string, completedOn: string, expiresOn: string | null = null): Completion => ({
  courseCode,
  completedOn: day(completedOn),
  expiresOn: expiresOn === null ? null : day(expiresOn),
});

// ELEK-210 (testing and repairing appliances) needs the NEN 3140 basics, and either safe lifting or BHV.
const ELEK_210: PrerequisiteRule = {
  allOf: [{ course: 'ELEK-101' }, { anyOf: [{ course: 'VT-101' }, { course: 'BHV-101' }] }],
};
const on = day('2026-04-14');

describe('checking a rule (rule 9)', () => {
  test('normalises codes and keeps the shape', () => {
    expect(checkRule({ allOf: [{ course: 'elek-101' }, { anyOf: [{ course: 'vt-101' }] }] }, 'ELEK-210')).toEqual({
      allOf: [{ course: 'ELEK-101' }, { anyOf: [{ course: 'VT-101' }] }],
    });
  });

  test('refuses empty groups, a course requiring itself, twice in a group, too deep, not a rule', () => {
    const refused = (rule: unknown) => () => checkRule(rule as PrerequisiteRule, 'ELEK-210');
    expect(refused({ allOf: [] })).toThrow(expect.objectContaining({ field: 'prerequisites.allOf' }));
    expect(refused({ anyOf: [{ course: 'ELEK-210' }] })).toThrow('A course cannot require itself (ELEK-210)');
    expect(refused({ allOf: [{ course: 'ELEK-101' }, { course: 'ELEK-210' }] })).toThrow('cannot require itself');
    // a refresher accepts the basic course or its own earlier completion
    expect(refused({ anyOf: [{ course: 'ELEK-101' }, { course: 'ELEK-210' }] })).not.toThrow();
    expect(refused({ anyOf: [{ course: 'VT-101' }, { course: 'vt-101' }] })).toThrow('VT-101 appears twice');
    expect(refused({ allOf: [{ anyOf: [{ allOf: [{ anyOf: [{ course: 'VT-101' }] }] }] }] })).toThrow('at most 3 deep');
    expect(refused({ allOf: [{ anyOf: [{ allOf: [{ course: 'VT-101' }] }] }] })).not.toThrow();
    expect(refused({ oneOf: [] })).toThrow(expect.objectContaining({ reason: 'INVALID_PREREQUISITES' }));
    const many = { allOf: Array.from({ length: 21 }, (_, i) => ({ course: `AB-${String(i).padStart(3, '0')}` })) };
    expect(refused(many)).toThrow('at most 20 courses');
  });

  test('cycles across the catalogue', () => {
    expect(findCycle({ 'ELEK-210': ELEK_210, 'ELEK-101': null, 'VT-101': null })).toBeNull();
    expect(findCycle({ 'ELEK-210': ELEK_210, 'ELEK-101': { course: 'ELEK-210' } })).toEqual([
      'ELEK-101',
      'ELEK-210',
      'ELEK-101',
    ]);
    expect(
      findCycle({ 'BHV-102': { anyOf: [{ course: 'BHV-101' }, { course: 'BHV-102' }] }, 'BHV-101': null }),
    ).toBeNull();
    expect(coursesIn(ELEK_210)).toEqual(['ELEK-101', 'VT-101', 'BHV-101']);
  });
});

describe('judging a rule against completions (rule 9)', () => {
  test('met: the basics and one of the two', () => {
    const completions = [done('ELEK-101', '2025-11-03'), done('VT-101', '2024-02-12')];
    expect(evaluatePrerequisites(ELEK_210, completions, on, TITLES)).toEqual({
      met: true,
      missing: [],
      unmetCourses: [],
    });
  });

  test('missing, in sentences; an expired certificate says when it expired', () => {
    const completions = [done('BHV-101', '2024-03-01', '2025-03-01')];
    expect(evaluatePrerequisites(ELEK_210, completions, on, TITLES)).toEqual({
      met: false,
      missing: [
        'Complete Basis elektrotechniek (NEN 3140) (ELEK-101).',
        'Complete one of Veilig tillen (VT-101) or BHV basis (BHV-101). The certificate for BHV basis (BHV-101) expired on 2025-03-01.',
      ],
      unmetCourses: ['ELEK-101', 'VT-101', 'BHV-101'],
    });
    expect(evaluatePrerequisites({ course: 'BHV-101' }, completions, on, TITLES).missing).toEqual([
      'Renew BHV basis (BHV-101): the certificate expired on 2025-03-01.',
    ]);
  });

  test('valid up to and including the expiry day; a completion counts from its own day', () => {
    const bhv = [done('BHV-101', '2025-04-14', '2026-04-14')];
    expect(evaluatePrerequisites({ course: 'BHV-101' }, bhv, on).met).toBe(true);
    expect(evaluatePrerequisites({ course: 'BHV-101' }, bhv, day('2026-04-15')).met).toBe(false);
    expect(evaluatePrerequisites({ course: 'VT-101' }, [done('VT-101', '2026-04-15')], on).met).toBe(false);
  });

  test('no rule: met; an untitled course is named by its code', () => {
    expect(evaluatePrerequisites(null, [], on).met).toBe(true);
    expect(evaluatePrerequisites({ allOf: [{ course: 'ZZ-999' }] }, [], on).missing).toEqual(['Complete ZZ-999.']);
  });

  const codes = ['VT-101', 'BHV-101', 'ELEK-101', 'KS-101', 'SP-110'];
  /** Rules within the bounds `checkRule` allows: groups at most three deep. */
  const ruleAt = (groups: number): fc.Arbitrary<PrerequisiteRule> => {
    const leaf = fc.constantFrom(...codes).map((course): PrerequisiteRule => ({ course }));
    if (groups === 0) return leaf;
    const members = fc.array(ruleAt(groups - 1), { minLength: 1, maxLength: 3 });
    return fc.oneof(
      leaf,
      members.map((allOf) => ({ allOf })),
      members.map((anyOf) => ({ anyOf })),
    );
  };
  const rule = ruleAt(3);

  test('property: completing more never makes a met rule unmet; met exactly when nothing is missing', () => {
    fc.assert(
      fc.property(rule, fc.subarray(codes), fc.subarray(codes), (r, some, more) => {
        const before = evaluatePrerequisites(
          r,
          some.map((c) => done(c, '2025-01-01')),
          on,
        );
        const after = evaluatePrerequisites(
          r,
          [...some, ...more].map((c) => done(c, '2025-01-01')),
          on,
        );
        if (before.met) expect(after.met).toBe(true);
        expect(before.met).toBe(before.missing.length === 0);
        if (before.met) expect(before.unmetCourses).toEqual([]);
        else expect(before.unmetCourses.length).toBeGreaterThan(0);
        const all = evaluatePrerequisites(
          r,
          codes.map((c) => done(c, '2025-01-01')),
          on,
        );
        expect(all.met).toBe(true);
      }),
    );
  });
});
