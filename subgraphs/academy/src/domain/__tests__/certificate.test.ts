import fc from 'fast-check';
import {
  certificateStatus,
  CODE_ALPHABET,
  dueForRecertification,
  issueCertificate,
  parseVerificationCode,
  pathWorkProcesses,
  verificationCodeFrom,
  type HeldCertificate,
} from '../certificate';
import { day } from './fixtures';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ZEROS = bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
const randomBytes = fc.uint8Array({ minLength: 10, maxLength: 10 });

describe('verification codes (rule 12)', () => {
  test('16 symbols in four groups, the last one a check', () => {
    expect(verificationCodeFrom(ZEROS)).toBe('0000-0000-0000-0000');
    const code = verificationCodeFrom(bytes(0x3a, 0x7f, 0x12, 0xc4, 0x99, 0x01, 0xee, 0x5d, 0x80, 0x2b));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(parseVerificationCode(code)).toBe(code);
    expect(() => verificationCodeFrom(bytes(1, 2, 3))).toThrow(
      expect.objectContaining({ reason: 'NOT_ENOUGH_RANDOMNESS' }),
    );
  });

  test('typed loosely: spaces, lower case, O for 0 and I or L for 1 are forgiven', () => {
    const code = verificationCodeFrom(bytes(8, 66, 16, 132, 33, 8, 66, 16, 132, 33)); // symbols 0,1,0,1…
    const loose = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseVerificationCode(loose)).toBe(code);
  });

  test('refusals say what is wrong', () => {
    expect(() => parseVerificationCode('0000-0000-0000')).toThrow('A verification code has 16 letters and digits');
    expect(() => parseVerificationCode('0000-0000-0000-000U')).toThrow('A verification code never contains "U"');
    expect(() => parseVerificationCode('0000-0000-0000-0001')).toThrow(
      expect.objectContaining({
        reason: 'INVALID_VERIFICATION_CODE',
        field: 'code',
        message: expect.stringContaining('typed wrongly'),
      }),
    );
    expect(() => parseVerificationCode(undefined)).toThrow(expect.objectContaining({ field: 'code' }));
  });

  test('property: every code round-trips', () => {
    fc.assert(
      fc.property(randomBytes, (b) =>
        expect(parseVerificationCode(verificationCodeFrom(b))).toBe(verificationCodeFrom(b)),
      ),
    );
  });

  test('property: every single wrong character is caught', () => {
    fc.assert(
      fc.property(randomBytes, fc.nat(15), fc.integer({ min: 1, max: 31 }), (b, index, shift) => {
        const symbols = [...verificationCodeFrom(b).replace(/-/g, '')];
        symbols[index] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(symbols[index]!) + shift) % 32]!;
        expect(() => parseVerificationCode(symbols.join(''))).toThrow('typed wrongly');
      }),
    );
  });

  test('property: every swap of two different neighbours is caught', () => {
    fc.assert(
      fc.property(randomBytes, fc.nat(14), (b, index) => {
        const symbols = [...verificationCodeFrom(b).replace(/-/g, '')];
        fc.pre(symbols[index] !== symbols[index + 1]);
        [symbols[index], symbols[index + 1]] = [symbols[index + 1]!, symbols[index]!];
        expect(() => parseVerificationCode(symbols.join(''))).toThrow('typed wrongly');
      }),
    );
  });
});

describe('issuing certificates (rule 13)', () => {
  const lifting = { code: 'B1-K1-W3', title: 'Verplaatst goederen veilig en ergonomisch' };
  test('a course that needs renewal: a certificate valid for its months, end of month clamped', () => {
    const bhv = { kind: 'COURSE' as const, code: 'BHV-101', title: 'BHV basis', renewalMonths: 12, workProcesses: [] };
    const certificate = issueCertificate(bhv, day('2026-03-15'), ZEROS);
    expect(certificate).toEqual({
      kind: 'CERTIFICATE',
      subject: 'COURSE',
      subjectCode: 'BHV-101',
      title: 'BHV basis',
      code: '0000-0000-0000-0000',
      issuedOn: day('2026-03-15'),
      expiresOn: day('2027-03-15'),
      workProcesses: [],
    });
    expect(issueCertificate({ ...bhv, renewalMonths: 6 }, day('2026-08-31'), ZEROS).expiresOn).toEqual(
      day('2027-02-28'),
    );
  });

  test('a path: a praktijkverklaring listing the work processes of its completed courses, once each, no expiry', () => {
    const pricing = { code: 'B1-K2-W1', title: 'Sorteert en prijst ingezamelde goederen' };
    const workProcesses = pathWorkProcesses(
      [
        { courseCode: 'SP-110', workProcesses: [pricing] },
        { courseCode: 'VT-101', workProcesses: [lifting, pricing] },
        { courseCode: 'NT2-101', workProcesses: [{ code: 'B1-K3-W1', title: 'Communiceert met collega’s' }] },
      ],
      ['VT-101', 'SP-110'],
    );
    expect(workProcesses).toEqual([pricing, lifting]);
    const path = { kind: 'PATH' as const, code: 'LL-WINKEL', title: 'Winkelmedewerker kringloop', workProcesses };
    expect(issueCertificate(path, day('2026-05-12'), ZEROS)).toMatchObject({
      kind: 'PRAKTIJKVERKLARING',
      expiresOn: null,
    });
  });

  test('work processes are coded as in a qualification file', () => {
    const bad = {
      kind: 'PATH' as const,
      code: 'LL-X',
      title: 'X',
      workProcesses: [{ code: 'W1', title: 'Iets doen' }],
    };
    expect(() => issueCertificate(bad, day('2026-05-12'), ZEROS)).toThrow(
      expect.objectContaining({ field: 'workProcesses.0.code' }),
    );
  });
});

describe('validity and recertification (rule 14)', () => {
  test('valid through its last day; revoked from its revocation day', () => {
    const c = { expiresOn: day('2027-03-15'), revokedOn: null };
    expect(certificateStatus(c, day('2027-03-15'))).toBe('VALID');
    expect(certificateStatus(c, day('2027-03-16'))).toBe('EXPIRED');
    expect(certificateStatus({ expiresOn: null, revokedOn: day('2026-06-01') }, day('2026-06-01'))).toBe('REVOKED');
  });

  test('who needs recertification: soonest first; a renewal supersedes; never-expiring never listed', () => {
    const held = (id: string, employeeId: string, courseCode: string, expiresOn: string | null): HeldCertificate => ({
      id,
      employeeId,
      courseCode,
      expiresOn: expiresOn ? day(expiresOn) : null,
    });
    const certificates = [
      held('1', 'emp-1', 'BHV-101', '2026-07-01'),
      held('2', 'emp-1', 'BHV-101', '2027-06-20'), // renewed: supersedes 1
      held('3', 'emp-2', 'BHV-101', '2026-06-20'),
      held('4', 'emp-3', 'BHV-101', '2026-05-01'), // expired 31 days ago
      held('5', 'emp-4', 'VT-101', null),
      held('6', 'emp-5', 'HT-101', '2026-09-01'), // beyond 60 days
      { ...held('7', 'emp-6', 'BHV-101', '2026-06-10'), revokedOn: day('2026-05-20') },
    ];
    const due = dueForRecertification(certificates, day('2026-06-01'));
    expect(due.map((d) => [d.certificate.id, d.status, d.daysLeft])).toEqual([
      ['4', 'EXPIRED', -31],
      ['3', 'EXPIRES_SOON', 19],
    ]);
    expect(
      dueForRecertification(certificates, day('2026-06-01'), { withinDays: 120, expiredForDays: 0 }).map(
        (d) => d.certificate.id,
      ),
    ).toEqual(['3', '6']);
  });
});
