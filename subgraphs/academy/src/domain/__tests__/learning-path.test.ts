import fc from 'fast-check';
import { checkLearningPath, pathProgress, type PathStep } from '../learning-path';
import type { Completion } from '../prerequisites';
import { day } from './fixtures';

const catalogue = {
  'KS-101': { prerequisites: null },
  'SP-110': { prerequisites: null },
  'VT-101': { prerequisites: null },
  'NT2-101': { prerequisites: null },
  'ELEK-101': { prerequisites: { course: 'VT-101' } },
};
// "Winkelmedewerker kringloop": customer service, sorting and pricing, safe lifting; Dutch at work optional.
const steps: PathStep[] = [
  { position: 1, courseCode: 'KS-101', required: true },
  { position: 2, courseCode: 'SP-110', required: true },
  { position: 3, courseCode: 'VT-101', required: true },
  { position: 4, courseCode: 'NT2-101', required: false },
];
const done = (courseCode: string, completedOn: string, expiresOn: string | null = null): Completion => ({
  courseCode,
  completedOn: day(completedOn),
  expiresOn: expiresOn ? day(expiresOn) : null,
});

describe('checking a learning path (rule 10)', () => {
  test('steps given in any order come back sorted', () => {
    const path = checkLearningPath(
      { code: 'll-winkel', title: 'Winkelmedewerker kringloop', steps: [...steps].reverse() },
      catalogue,
    );
    expect(path.code).toBe('LL-WINKEL');
    expect(path.steps.map((s) => s.courseCode)).toEqual(['KS-101', 'SP-110', 'VT-101', 'NT2-101']);
  });

  test('refusals', () => {
    const refused = (s: PathStep[]) => () =>
      checkLearningPath({ code: 'LL-X1', title: 'Een leerlijn', steps: s }, catalogue);
    expect(refused([])).toThrow('1 to 30 steps');
    expect(refused([{ ...steps[0]!, position: 2 }])).toThrow(expect.objectContaining({ field: 'steps.0.position' }));
    expect(refused([steps[0]!, { ...steps[1]!, courseCode: 'KS-101' }])).toThrow('KS-101 is on the path twice.');
    expect(refused([{ ...steps[0]!, courseCode: 'ZZ-999' }])).toThrow('There is no course ZZ-999.');
    expect(refused([{ ...steps[3]!, position: 1 }])).toThrow('at least one required step');
    expect(
      refused([
        { position: 1, courseCode: 'ELEK-101', required: true },
        { position: 2, courseCode: 'VT-101', required: true },
      ]),
    ).toThrow('Step 1 (ELEK-101) requires VT-101, which comes later, at step 2.');
  });
});

describe('progress along a path (rule 10)', () => {
  const on = day('2026-06-01');
  test('two of three required done, the third in progress, the optional one done', () => {
    const progress = pathProgress(
      { steps },
      [done('KS-101', '2026-01-20'), done('NT2-101', '2026-02-10'), done('SP-110', '2026-03-05')],
      ['VT-101'],
      on,
    );
    expect(progress.steps.map((s) => s.state)).toEqual(['DONE', 'DONE', 'IN_PROGRESS', 'DONE']);
    expect(progress).toMatchObject({
      requiredDone: 2,
      requiredTotal: 3,
      optionalDone: 1,
      percent: 66,
      complete: false,
      completedOn: null,
    });
    expect(progress.next?.courseCode).toBe('VT-101');
  });

  test('complete on the day the last required step was done; an expired step is not done', () => {
    const completions = [done('KS-101', '2026-01-20'), done('SP-110', '2026-03-05'), done('VT-101', '2026-05-12')];
    expect(pathProgress({ steps }, completions, [], on)).toMatchObject({
      complete: true,
      percent: 100,
      next: null,
      completedOn: day('2026-05-12'),
    });
    const expired = [...completions.slice(0, 2), done('VT-101', '2024-05-12', '2026-05-12')];
    const progress = pathProgress({ steps }, expired, [], on);
    expect(progress.steps[2]!.state).toBe('EXPIRED');
    expect(progress.complete).toBe(false);
  });

  test('property: percent is 100 exactly when complete, and never more', () => {
    fc.assert(
      fc.property(fc.subarray(['KS-101', 'SP-110', 'VT-101', 'NT2-101']), (codes) => {
        const progress = pathProgress(
          { steps },
          codes.map((c) => done(c, '2026-01-01')),
          [],
          on,
        );
        expect(progress.percent === 100).toBe(progress.complete);
        expect(progress.percent).toBeLessThanOrEqual(100);
        expect(progress.complete).toBe(['KS-101', 'SP-110', 'VT-101'].every((c) => codes.includes(c)));
      }),
    );
  });
});
