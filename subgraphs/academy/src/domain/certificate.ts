import { addMonths, DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { textIn } from './checks';

/**
 * Certificates (README rules 12–14): what completing a course or a learning path issues, the
 * verification code anyone can check it by, when it expires, and who needs recertification soon.
 * Pure: the random bytes of a code and today's date are passed in.
 */

// ---- Rule 12: the verification code ----

/**
 * Crockford's Base32 alphabet: digits and capitals without I, L, O and U, so that nothing reads
 * as something else. When typed, case does not matter, O is read as 0 and I and L as 1.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 15 random symbols (75 bits) and one check symbol, written in four groups of four. */
export const CODE_DATA_SYMBOLS = 15;
export const CODE_RANDOM_BYTES = 10;

/** × 2 in GF(32) (polynomial x⁵ + x² + 1): the check symbol's arithmetic. */
const times2 = (x: number) => (x & 0x10 ? ((x << 1) ^ 0x25) & 0x1f : x << 1);

/**
 * The check symbol, by Damm's method over a quasigroup of order 32 (x ∗ y = 2x + y in GF(32),
 * which is totally anti-symmetric as 2 ≠ 1): folding the symbols and the check gives 0. Every
 * single wrong symbol and every swap of two neighbours changes the fold, so it is caught.
 */
function fold(symbols: readonly number[]): number {
  return symbols.reduce((interim, symbol) => times2(interim) ^ symbol, 0);
}
const checkSymbolOf = (data: readonly number[]) => times2(fold(data));

const grouped = (symbols: readonly number[]) =>
  symbols
    .map((s) => CODE_ALPHABET[s]!)
    .join('')
    .replace(/(.{4})(?!$)/g, '$1-');

/**
 * A new verification code from at least 10 random bytes (the service takes them from
 * `crypto.randomBytes`): their first 75 bits as 15 symbols, then the check symbol, as
 * `7K3M-Q9TX-2HFD-W8NR`. 2⁷⁵ codes: no one guesses one.
 */
export function verificationCodeFrom(randomBytes: Uint8Array): string {
  if (!(randomBytes instanceof Uint8Array) || randomBytes.length < CODE_RANDOM_BYTES) {
    throw new DomainError(
      'NOT_ENOUGH_RANDOMNESS',
      null,
      `A verification code needs ${CODE_RANDOM_BYTES} random bytes.`,
    );
  }
  const data: number[] = [];
  for (let i = 0; i < CODE_DATA_SYMBOLS; i++) {
    let symbol = 0;
    for (let bit = i * 5; bit < i * 5 + 5; bit++)
      symbol = (symbol << 1) | ((randomBytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
    data.push(symbol);
  }
  return grouped([...data, checkSymbolOf(data)]);
}

/**
 * A typed code read back: spaces and hyphens ignored, case forgiven, O as 0, I and L as 1.
 * Returns the code as issued (`7K3M-Q9TX-2HFD-W8NR`), or refuses it saying whether it is the
 * wrong length, holds a character codes never have, or does not pass its check (a typing error).
 */
export function parseVerificationCode(typed: unknown): string {
  const field = 'code';
  const text = typeof typed === 'string' ? typed.replace(/[\s-]/g, '').toUpperCase() : '';
  const normal = text.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (normal.length !== CODE_DATA_SYMBOLS + 1) {
    throw new DomainError(
      'INVALID_VERIFICATION_CODE',
      field,
      'A verification code has 16 letters and digits, written like 7K3M-Q9TX-2HFD-W8NR.',
    );
  }
  const symbols = [...normal].map((char) => CODE_ALPHABET.indexOf(char));
  const bad = symbols.indexOf(-1);
  if (bad !== -1) {
    throw new DomainError(
      'INVALID_VERIFICATION_CODE',
      field,
      `A verification code never contains "${normal[bad]!}": please check the code.`,
    );
  }
  if (fold(symbols) !== 0) {
    throw new DomainError(
      'INVALID_VERIFICATION_CODE',
      field,
      'This is not a valid verification code: a character may have been typed wrongly. Please check the code.',
    );
  }
  return grouped(symbols);
}

// ---- Rule 13: issuing a certificate ----

/** A work process (werkproces) from an MBO qualification file: `B1-K1-W2` and its name. */
export interface WorkProcess {
  code: string;
  title: string;
}
export const WORK_PROCESS_CODE = /^[BP]\d{1,2}-K\d{1,2}-W\d{1,2}$/;

export function checkWorkProcesses(value: readonly WorkProcess[], field = 'workProcesses'): WorkProcess[] {
  const seen = new Set<string>();
  return value.map((wp, i) => {
    const code = typeof wp?.code === 'string' ? wp.code.trim().toUpperCase() : '';
    if (!WORK_PROCESS_CODE.test(code)) {
      throw new DomainError(
        'INVALID_WORK_PROCESS',
        `${field}.${i}.code`,
        'A work process is coded like B1-K1-W2 (basic part) or P1-K1-W1 (profile part), as in its qualification file.',
      );
    }
    if (seen.has(code))
      throw new DomainError('DUPLICATE_WORK_PROCESS', `${field}.${i}.code`, `${code} is listed twice.`);
    seen.add(code);
    return { code, title: textIn(wp.title, `${field}.${i}.title`, "The work process's name", 3, 200) };
  });
}

/**
 * A praktijkverklaring states which work processes someone showed in practice; a certificate
 * without work processes states that a course was completed.
 */
export type CertificateKind = 'PRAKTIJKVERKLARING' | 'CERTIFICATE';

export type CertificateSubject =
  | { kind: 'COURSE'; code: string; title: string; renewalMonths: number | null; workProcesses: readonly WorkProcess[] }
  | { kind: 'PATH'; code: string; title: string; workProcesses: readonly WorkProcess[] };

export interface IssuedCertificate {
  kind: CertificateKind;
  subject: 'COURSE' | 'PATH';
  subjectCode: string;
  title: string;
  code: string;
  issuedOn: Date;
  /** The last day it is valid; null: it never expires. */
  expiresOn: Date | null;
  workProcesses: WorkProcess[];
}

/**
 * The certificate for a completion on `completedOn` (a calendar date): issued that day, listing
 * the work processes of the course (or of the path's completed courses, each once, in path
 * order: see `pathWorkProcesses`); a course that needs renewal expires `renewalMonths` after,
 * valid up to and including that day (12 months from 15 March 2026: 15 March 2027; end-of-month
 * clamped). A path's certificate does not expire: its courses' own certificates do.
 */
export function issueCertificate(subject: CertificateSubject, completedOn: Date, randomBytes: Uint8Array) {
  const workProcesses = checkWorkProcesses(subject.workProcesses);
  const months = subject.kind === 'COURSE' ? subject.renewalMonths : null;
  const certificate: IssuedCertificate = {
    kind: workProcesses.length > 0 ? 'PRAKTIJKVERKLARING' : 'CERTIFICATE',
    subject: subject.kind,
    subjectCode: subject.code,
    title: subject.title,
    code: verificationCodeFrom(randomBytes),
    issuedOn: completedOn,
    expiresOn: months === null ? null : addMonths(completedOn, months),
    workProcesses,
  };
  return certificate;
}

/** A path's work processes: those of its completed courses, in step order, each code once. */
export function pathWorkProcesses(
  steps: readonly { courseCode: string; workProcesses: readonly WorkProcess[] }[],
  completedCourseCodes: readonly string[],
): WorkProcess[] {
  const seen = new Set<string>();
  return steps
    .filter((step) => completedCourseCodes.includes(step.courseCode))
    .flatMap((step) => step.workProcesses)
    .filter((wp) => !seen.has(wp.code) && !!seen.add(wp.code));
}

// ---- Rule 14: validity and recertification ----

export type CertificateStatus = 'VALID' | 'EXPIRED' | 'REVOKED';

/** What a verification shows on `today`: revoked (from its revocation day on), expired (after its last day), or valid. */
export function certificateStatus(
  certificate: { expiresOn: Date | null; revokedOn?: Date | null },
  today: Date,
): CertificateStatus {
  if (certificate.revokedOn && certificate.revokedOn.getTime() <= today.getTime()) return 'REVOKED';
  if (certificate.expiresOn && certificate.expiresOn.getTime() < today.getTime()) return 'EXPIRED';
  return 'VALID';
}

export interface HeldCertificate {
  id: string;
  employeeId: string;
  courseCode: string;
  expiresOn: Date | null;
  revokedOn?: Date | null;
}

export interface RecertificationDue<C extends HeldCertificate> {
  certificate: C;
  status: 'EXPIRES_SOON' | 'EXPIRED';
  /** Days from today to the last valid day: 0 = expires today; negative once expired. */
  daysLeft: number;
}

const DAY = 86_400_000;

/**
 * Who needs recertification soon: per employee and course, the certificate that lasts longest
 * (a renewal supersedes the old one; revoked ones do not count); listed when it expires within
 * `withinDays` from today (EXPIRES_SOON) or expired at most `expiredForDays` ago (EXPIRED).
 * A course whose certificate never expires is never listed. Soonest first.
 */
export function dueForRecertification<C extends HeldCertificate>(
  certificates: readonly C[],
  today: Date,
  options: { withinDays?: number; expiredForDays?: number } = {},
): RecertificationDue<C>[] {
  const within = options.withinDays ?? 60;
  const expiredFor = options.expiredForDays ?? 365;
  const latest = new Map<string, C>();
  for (const certificate of certificates) {
    if (certificate.revokedOn && certificate.revokedOn.getTime() <= today.getTime()) continue;
    const key = `${certificate.employeeId}\u0000${certificate.courseCode}`;
    const held = latest.get(key);
    const lasts = (c: C) => (c.expiresOn === null ? Infinity : c.expiresOn.getTime());
    if (!held || lasts(certificate) > lasts(held)) latest.set(key, certificate);
  }
  const due: RecertificationDue<C>[] = [];
  for (const certificate of latest.values()) {
    if (certificate.expiresOn === null) continue;
    const daysLeft = Math.round((certificate.expiresOn.getTime() - today.getTime()) / DAY);
    if (daysLeft >= 0 && daysLeft <= within) due.push({ certificate, status: 'EXPIRES_SOON', daysLeft });
    if (daysLeft < 0 && -daysLeft <= expiredFor) due.push({ certificate, status: 'EXPIRED', daysLeft });
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return due.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      byCode(a.certificate.employeeId, b.certificate.employeeId) ||
      byCode(a.certificate.courseCode, b.certificate.courseCode),
  );
}
