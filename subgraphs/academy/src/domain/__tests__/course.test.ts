import fc from 'fast-check';
import { checkCourse, checkModeChange, checkRetirement, type SessionToCome } from '../course';
import { checkRule } from '../prerequisites';
import { checkCapacityChange, checkSessionChange } from '../session';

const valid = {
  code: 'kas-201',
  title: '  Kassa en retouren ',
  description: 'Afrekenen en retouren.',
  studyLoadHours: '7.50',
  level: 'MBO_2',
  language: 'NL-nl',
  modeOfDelivery: 'IN_PERSON',
  price: '110.00',
  fundable: true,
  renewalMonths: 24,
  skills: ['Cash-Handling'],
  workProcesses: [{ code: 'b1-k1-w3', title: 'Rekent af met klanten' }],
};

describe('a course as an administrator writes it (rule 1)', () => {
  test('a whole course is read as the catalogue keeps it', () => {
    const course = checkCourse(valid);
    expect(course).toMatchObject({
      code: 'KAS-201',
      title: 'Kassa en retouren',
      level: 'MBO_2',
      language: 'nl-NL',
      fundable: true,
      renewalMonths: 24,
      skills: ['cash-handling'],
      workProcesses: [{ code: 'B1-K1-W3', title: 'Rekent af met klanten' }],
    });
    expect(course.price.toFixed(2)).toBe('110.00');
    expect(course.studyLoadHours.toFixed(2)).toBe('7.50');
  });

  test.each([
    ['fundable', { fundable: 'yes' }],
    ['description', { description: '' }],
    ['price', { price: 110 }],
    ['workProcesses', { workProcesses: 'B1-K1-W1' }],
    [
      'workProcesses',
      { workProcesses: Array.from({ length: 21 }, (_, i) => ({ code: `B1-K1-W${i}`, title: 'Werk' })) },
    ],
    ['workProcesses.1.code', { workProcesses: [valid.workProcesses[0], valid.workProcesses[0]] }],
    ['code', { code: undefined }],
  ])('refused naming %s', (field, change) => {
    expect(() => checkCourse({ ...valid, ...change })).toThrow(expect.objectContaining({ field }));
  });
});

describe('changing a course in use (rule 16)', () => {
  const sessions = (...kinds: SessionToCome['locationKind'][]) =>
    kinds.map((locationKind) => ({ locationKind, activeEnrolments: 0 }));

  test('the mode of delivery changes only when the sessions to come still fit', () => {
    expect(() => checkModeChange('BLENDED', sessions('ONLINE', 'MEMBER_SHOP'))).not.toThrow();
    expect(() => checkModeChange('ONLINE', sessions('ONLINE'))).not.toThrow();
    expect(() => checkModeChange('ONLINE', sessions('ONLINE', 'TRAINING_CENTRE'))).toThrow(
      '1 session to come would no longer fit a course given online; cancel it first.',
    );
    expect(() => checkModeChange('IN_PERSON', sessions('ONLINE', 'ONLINE'))).toThrow(
      expect.objectContaining({ reason: 'SESSIONS_DO_NOT_FIT', field: 'modeOfDelivery' }),
    );
  });

  test('a course is retired only off every path and with its sessions to come empty', () => {
    expect(() => checkRetirement({ code: 'VT-101', onPaths: [], sessionsToCome: sessions('ONLINE') })).not.toThrow();
    expect(() => checkRetirement({ code: 'VT-101', onPaths: ['LL-WINKEL', 'LL-ELEKTRA'], sessionsToCome: [] })).toThrow(
      'VT-101 is a step of LL-WINKEL, LL-ELEKTRA; take it off those paths first.',
    );
    expect(() =>
      checkRetirement({ code: 'VT-101', onPaths: [], requiredBy: ['HT-101', 'MEU-120'], sessionsToCome: [] }),
    ).toThrow('VT-101 is a prerequisite of HT-101, MEU-120; change their rules first.');
    expect(() =>
      checkRetirement({
        code: 'VT-101',
        onPaths: [],
        sessionsToCome: [{ locationKind: 'ONLINE', activeEnrolments: 2 }],
      }),
    ).toThrow('VT-101 has 1 session to come with people enrolled or waiting; cancel it first.');
  });

  test('a prerequisite node is one course or one group, never both or neither', () => {
    expect(() => checkRule({ course: 'VT-101', allOf: [{ course: 'KS-101' }] } as never, 'KAS-201')).toThrow(
      expect.objectContaining({ reason: 'INVALID_PREREQUISITES', field: 'prerequisites' }),
    );
    expect(() => checkRule({} as never, 'KAS-201')).toThrow(expect.objectContaining({ field: 'prerequisites' }));
    expect(checkRule({ allOf: null, anyOf: [{ course: 'vt-101' }, { course: 'KS-101' }] } as never, 'KAS-201')).toEqual(
      {
        anyOf: [{ course: 'VT-101' }, { course: 'KS-101' }],
      },
    );
  });
});

describe('changing a session (rule 2a)', () => {
  const now = new Date('2026-04-10T08:00:00Z');
  test('only before it starts, and never once cancelled', () => {
    expect(() =>
      checkSessionChange({ startsAt: new Date('2026-04-14T07:00:00Z'), cancelledAt: null }, now),
    ).not.toThrow();
    expect(() => checkSessionChange({ startsAt: new Date('2026-04-10T07:00:00Z'), cancelledAt: null }, now)).toThrow(
      'This session started on 2026-04-10 09:00 (Amsterdam time); it can no longer be changed or cancelled.',
    );
    expect(() =>
      checkSessionChange({ startsAt: new Date('2026-04-14T07:00:00Z'), cancelledAt: new Date('2026-04-01') }, now),
    ).toThrow(expect.objectContaining({ reason: 'SESSION_CANCELLED' }));
  });

  test('never fewer seats than people enrolled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (capacity, enrolled) => {
        const change = () => checkCapacityChange({ capacity, enrolled });
        if (capacity >= enrolled) expect(change).not.toThrow();
        else expect(change).toThrow(expect.objectContaining({ reason: 'CAPACITY_BELOW_ENROLLED' }));
      }),
    );
  });
});
