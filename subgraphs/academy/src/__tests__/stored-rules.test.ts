import { ruleFromGroups } from '../data/catalogue';

// A course's prerequisite rule is stored as groups (data/catalogue.ts `storeRule`) and read back
// with `ruleFromGroups`: the rule read is the rule written, members in their stored order.

let n = 0;
const group = (
  courseId: string,
  parentId: string | null,
  kind: 'ALL_OF' | 'ANY_OF',
  position: number,
  codes: [number, string][],
) => ({
  id: `g${++n}`,
  courseId,
  parentId,
  kind,
  position,
  courses: codes.map(([p, code]) => ({ position: p, requiredCourse: { code } })),
});

test('no groups: no rule', () => {
  expect(ruleFromGroups([])).toBeNull();
});

test('a single course is stored as an all-of of one and read back as that course', () => {
  expect(ruleFromGroups([group('c', null, 'ALL_OF', 0, [[0, 'VT-101']])])).toEqual({ course: 'VT-101' });
});

test('ELEK-210: all of ELEK-101 and one of VT-101 or HT-101, in the stored order', () => {
  const root = group('c', null, 'ALL_OF', 0, [[0, 'ELEK-101']]);
  const any = group('c', root.id, 'ANY_OF', 1, [
    [1, 'HT-101'],
    [0, 'VT-101'],
  ]);
  expect(ruleFromGroups([any, root])).toEqual({
    allOf: [{ course: 'ELEK-101' }, { anyOf: [{ course: 'VT-101' }, { course: 'HT-101' }] }],
  });
});
