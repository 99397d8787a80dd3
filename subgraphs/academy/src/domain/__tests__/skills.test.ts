import fc from 'fast-check';
import { skillsPassport, type PassportCompletion } from '../skills';
import { day } from './fixtures';

const skills = {
  'VT-101': [{ code: 'safe-lifting', name: 'Veilig tillen en verplaatsen' }],
  'BHV-101': [
    { code: 'first-aid', name: 'Eerste hulp' },
    { code: 'evacuation', name: 'Ontruimen' },
  ],
  'HT-101': [
    { code: 'safe-lifting', name: 'Veilig tillen en verplaatsen' },
    { code: 'pallet-truck', name: 'Palletwagen besturen' },
  ],
};
const done = (
  courseCode: string,
  completedOn: string,
  expiresOn: string | null = null,
  revoked = false,
): PassportCompletion => ({
  courseCode,
  completedOn: day(completedOn),
  expiresOn: expiresOn ? day(expiresOn) : null,
  revoked,
});

describe('the skills passport (rule 15)', () => {
  test('held for good, held while valid, lapsed after; one entry per skill, sorted by name', () => {
    const passport = skillsPassport(
      [done('VT-101', '2025-02-10'), done('HT-101', '2025-09-01'), done('BHV-101', '2024-03-01', '2025-03-01')],
      skills,
      day('2026-06-01'),
    );
    expect(passport).toEqual([
      {
        code: 'first-aid',
        name: 'Eerste hulp',
        status: 'LAPSED',
        since: day('2024-03-01'),
        validUntil: day('2025-03-01'),
        courses: ['BHV-101'],
      },
      {
        code: 'evacuation',
        name: 'Ontruimen',
        status: 'LAPSED',
        since: day('2024-03-01'),
        validUntil: day('2025-03-01'),
        courses: ['BHV-101'],
      },
      {
        code: 'pallet-truck',
        name: 'Palletwagen besturen',
        status: 'HELD',
        since: day('2025-09-01'),
        validUntil: null,
        courses: ['HT-101'],
      },
      {
        code: 'safe-lifting',
        name: 'Veilig tillen en verplaatsen',
        status: 'HELD',
        since: day('2025-02-10'),
        validUntil: null,
        courses: ['HT-101', 'VT-101'],
      },
    ]);
  });

  test('a renewal makes a lapsed skill held again; revoked and future completions give nothing', () => {
    const passport = skillsPassport(
      [
        done('BHV-101', '2024-03-01', '2025-03-01'),
        done('BHV-101', '2026-03-01', '2027-03-01'),
        done('VT-101', '2026-01-01', null, true),
        done('HT-101', '2026-07-01'),
      ],
      skills,
      day('2026-06-01'),
    );
    expect(passport.map((s) => [s.code, s.status, s.validUntil])).toEqual([
      ['first-aid', 'HELD', day('2027-03-01')],
      ['evacuation', 'HELD', day('2027-03-01')],
    ]);
  });

  test('property: every skill of every counted completion appears exactly once', () => {
    const courseCodes = Object.keys(skills) as (keyof typeof skills)[];
    fc.assert(
      fc.property(fc.subarray(courseCodes), (codes) => {
        const passport = skillsPassport(
          codes.map((c) => done(c, '2026-01-01')),
          skills,
          day('2026-06-01'),
        );
        const expected = new Set(codes.flatMap((c) => skills[c].map((s) => s.code)));
        expect(passport.map((s) => s.code).sort()).toEqual([...expected].sort());
        expect(passport.every((s) => s.status === 'HELD')).toBe(true);
      }),
    );
  });
});
