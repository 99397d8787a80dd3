import {
  courseCodeIn,
  languageIn,
  levelIn,
  modeOfDeliveryIn,
  priceIn,
  renewalMonthsIn,
  skillsIn,
  studyLoadHoursIn,
  textIn,
} from '../../domain/checks';
import { checkWorkProcesses } from '../../domain/certificate';
import { checkLearningPath } from '../../domain/learning-path';
import { checkRule, findCycle, type PrerequisiteRule } from '../../domain/prerequisites';
import catalogue from '../catalogue.json';

// The demo catalogue passes the rules a course and a path are created by.
const prerequisitesOf = Object.fromEntries(
  catalogue.courses.map((c) => [c.code, { prerequisites: c.prerequisites as PrerequisiteRule | null }]),
);
const skillCodes = new Set(catalogue.skills.map((s) => s.code));

test.each(catalogue.courses.map((c) => [c.code, c] as const))(
  'course %s passes the catalogue checks',
  (code, course) => {
    expect(courseCodeIn(code)).toBe(code);
    textIn(course.title, 'title', 'The title', 3, 120);
    textIn(course.description, 'description', 'The description', 10, 2000);
    studyLoadHoursIn(course.studyLoadHours);
    levelIn(course.level);
    languageIn(course.language);
    modeOfDeliveryIn(course.modeOfDelivery);
    renewalMonthsIn(course.renewalMonths);
    expect(priceIn(course.price).lessThanOrEqualTo(650)).toBe(true);
    expect(skillsIn(course.skills).every((skill) => skillCodes.has(skill))).toBe(true);
    checkWorkProcesses(course.workProcesses);
    if (course.prerequisites) {
      const rule = checkRule(course.prerequisites as PrerequisiteRule, code);
      expect(
        JSON.stringify(rule)
          .match(/[A-Z0-9]+-\d{3}/g)!
          .every((c) => c in prerequisitesOf),
      ).toBe(true);
    }
  },
);

test('no prerequisite cycles; the paths are sound; fictional data says so', () => {
  const rules = Object.fromEntries(Object.entries(prerequisitesOf).map(([code, c]) => [code, c.prerequisites]));
  expect(findCycle(rules)).toBeNull();
  for (const path of catalogue.learningPaths) expect(checkLearningPath(path, prerequisitesOf).code).toBe(path.code);
  expect(catalogue.note).toMatch(/fictional demo data/i);
  expect(new Set(catalogue.courses.map((c) => c.code)).size).toBe(catalogue.courses.length);
});
