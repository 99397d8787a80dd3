import fc from 'fast-check';
import {
  capacityIn,
  charactersIn,
  courseCodeIn,
  languageIn,
  levelIn,
  modeOfDeliveryIn,
  pathCodeIn,
  priceIn,
  renewalMonthsIn,
  skillsIn,
  studyLoadHoursIn,
  textIn,
} from '../checks';
import { checkSession, dutchYearOf, type SessionInput } from '../session';
import { at } from './fixtures';

describe('catalogue input (rule 1)', () => {
  test('course and path codes, normalised to capitals', () => {
    expect(courseCodeIn(' vt-101 ')).toBe('VT-101');
    expect(courseCodeIn('ELEK-210')).toBe('ELEK-210');
    for (const bad of ['V-101', '2T-101', 'VT101', 'VT-1010', 'TOOLONG-101', 42]) {
      expect(() => courseCodeIn(bad)).toThrow(
        expect.objectContaining({ reason: 'INVALID_COURSE_CODE', field: 'code' }),
      );
    }
    expect(pathCodeIn('ll-werkbegeleider')).toBe('LL-WERKBEGELEIDER');
    expect(() => pathCodeIn('LL-')).toThrow(expect.objectContaining({ reason: 'INVALID_PATH_CODE' }));
  });

  test('study load: 0.5 to 1680 hours, in quarter hours', () => {
    expect(studyLoadHoursIn('16').toFixed()).toBe('16');
    expect(studyLoadHoursIn('3.75').toFixed()).toBe('3.75');
    expect(() => studyLoadHoursIn('0.25')).toThrow('from 0.5 to 1680 hours');
    expect(() => studyLoadHoursIn('2.1')).toThrow('quarter hours');
    expect(() => studyLoadHoursIn(16)).toThrow(expect.objectContaining({ reason: 'INVALID_AMOUNT' }));
  });

  test('price: euros and cents up to €10,000.00; a number is refused', () => {
    expect(priceIn('649.00').toFixed(2)).toBe('649.00');
    expect(priceIn('0').toFixed(2)).toBe('0.00');
    expect(() => priceIn('12.345')).toThrow(expect.objectContaining({ reason: 'TOO_MANY_DECIMALS' }));
    expect(() => priceIn('-1.00')).toThrow(expect.objectContaining({ reason: 'INVALID_AMOUNT' }));
    expect(() => priceIn('10000.01')).toThrow(expect.objectContaining({ reason: 'AMOUNT_TOO_LARGE' }));
    expect(() => priceIn(12.5)).toThrow(expect.objectContaining({ field: 'price' }));
  });

  test('capacity, renewal, level, mode of delivery, language', () => {
    expect(capacityIn(8)).toBe(8);
    expect(() => capacityIn(0)).toThrow('The capacity must be from 1 to 500; got 0.');
    expect(() => capacityIn(2.5)).toThrow(expect.objectContaining({ reason: 'INVALID_NUMBER' }));
    expect(renewalMonthsIn(null)).toBeNull();
    expect(renewalMonthsIn(12)).toBe(12);
    expect(() => renewalMonthsIn(0)).toThrow(expect.objectContaining({ field: 'renewalMonths' }));
    expect(levelIn('MBO_2')).toBe('MBO_2');
    expect(() => levelIn('HBO')).toThrow(expect.objectContaining({ reason: 'INVALID_LEVEL' }));
    expect(modeOfDeliveryIn('BLENDED')).toBe('BLENDED');
    expect(() => modeOfDeliveryIn('online')).toThrow('IN_PERSON, ONLINE or BLENDED');
    expect(languageIn('NL-nl')).toBe('nl-NL');
    expect(() => languageIn('fr')).toThrow(expect.objectContaining({ reason: 'INVALID_LANGUAGE' }));
  });

  test('skills: codes, each once, at most 20', () => {
    expect(skillsIn(['Safe-Lifting', 'customer-contact'])).toEqual(['safe-lifting', 'customer-contact']);
    expect(() => skillsIn(['safe lifting'])).toThrow(expect.objectContaining({ field: 'skills.0' }));
    expect(() => skillsIn(['a', 'b', 'a'])).toThrow(
      expect.objectContaining({ reason: 'DUPLICATE_SKILL', field: 'skills.2' }),
    );
    expect(() => skillsIn(Array.from({ length: 21 }, (_, i) => `s${i}`))).toThrow('at most 20 skills');
  });

  test('text: trimmed, counted as people count characters, no control characters', () => {
    expect(textIn('  Veilig tillen ', 'title', 'The title', 3, 120)).toBe('Veilig tillen');
    expect(charactersIn('café 👩‍🔧')).toBe(6);
    expect(() => textIn('ab', 'title', 'The title', 3, 120)).toThrow('The title must be at least 3 characters.');
    expect(() => textIn('a\u0007b', 'title', 'The title', 1, 120)).toThrow('control character');
    expect(() => textIn('x'.repeat(121), 'title', 'The title', 1, 120)).toThrow(
      expect.objectContaining({ reason: 'TEXT_TOO_LONG' }),
    );
  });

  test('property: any valid code survives normalising twice unchanged', () => {
    const code = fc
      .tuple(fc.stringMatching(/^[A-Z]{2,6}$/), fc.integer({ min: 0, max: 999 }))
      .map(([letters, n]) => `${letters}-${String(n).padStart(3, '0')}`);
    fc.assert(fc.property(code, (c) => expect(courseCodeIn(courseCodeIn(c.toLowerCase()))).toBe(c)));
  });
});

describe('sessions (rule 2)', () => {
  const now = at('2026-03-01T12:00:00+01:00');
  const session: SessionInput = {
    startsAt: at('2026-04-14T09:00:00+02:00'),
    endsAt: at('2026-04-15T16:30:00+02:00'),
    capacity: 10,
    location: { kind: 'MEMBER_SHOP', memberId: 'member-1', branchId: 'branch-3' },
    enrolmentOpensAt: null,
    enrolmentClosesAt: at('2026-04-07T17:00:00+02:00'),
  };

  test('a two-day session in a member’s shop, enrolment closing a week before', () => {
    expect(checkSession(session, now, 'IN_PERSON')).toEqual(session);
  });

  test('refusals name the field', () => {
    const refused = (change: Partial<SessionInput>, mode?: string) => () =>
      checkSession({ ...session, ...change }, now, mode);
    expect(refused({ startsAt: at('2026-02-01T09:00:00+01:00') })).toThrow(
      expect.objectContaining({ field: 'startsAt' }),
    );
    expect(refused({ endsAt: session.startsAt })).toThrow('A session must end after it starts.');
    expect(refused({ endsAt: at('2026-05-01T09:00:00+02:00') })).toThrow('at most 14 days');
    expect(refused({ enrolmentClosesAt: at('2026-04-14T10:00:00+02:00') })).toThrow(
      expect.objectContaining({ field: 'enrolmentClosesAt', reason: 'INVALID_WINDOW' }),
    );
    expect(refused({ enrolmentOpensAt: at('2026-04-08T09:00:00+02:00') })).toThrow(
      'Enrolment must open before it closes.',
    );
    expect(refused({ capacity: 501 })).toThrow(expect.objectContaining({ field: 'capacity' }));
    expect(refused({}, 'ONLINE')).toThrow('its sessions are online');
    expect(refused({ location: { kind: 'ONLINE' } }, 'IN_PERSON')).toThrow(
      expect.objectContaining({ field: 'location' }),
    );
    expect(refused({ location: { kind: 'MEMBER_SHOP', memberId: 'member-1', branchId: '' } })).toThrow(
      expect.objectContaining({ field: 'location.branchId' }),
    );
  });

  test('the Dutch calendar year of a moment', () => {
    expect(dutchYearOf(at('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(dutchYearOf(at('2026-12-31T22:30:00Z'))).toBe(2026);
  });
});
