import { isProduction } from '@samen-sterk/subgraph-runtime';
import { formatCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { importJWK, SignJWT, type JWK } from 'jose';

/**
 * Open Badges 3.0: a certificate as an `OpenBadgeCredential` (a W3C Verifiable Credential whose
 * subject holds an `Achievement`), signed as a VC-JWT (ES256) with the Academy's key. The key is
 * a P-256 private JWK in `ACADEMY_BADGE_KEY` (required in production); in development a fixed
 * key, useless outside it. Verifiers take the public half from `badgeIssuerKey`.
 */
const DEVELOPMENT_BADGE_KEY: JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'jkAwqpuBjERd3syCfkSKBs5HJr-Fn_RmXPZq6Zg2ciI',
  y: 'mkZ_v6oN13xqWQe9-i8H9v_neBzJcvYzRyPlbCd2lnA',
  d: 'uZW83tMx0eL6U6ciKl1QJjt9DPL-ce_qFISYdXXBG5c',
};
export const BADGE_KEY_ID = 'academy-badges-1';
const ISSUER = 'https://academie.kringloop.example/issuer';
const VERIFY_URL = 'https://academie.kringloop.example/verify/';

function badgeKey(): JWK {
  const text = process.env.ACADEMY_BADGE_KEY;
  if (text) return JSON.parse(text) as JWK;
  if (isProduction()) throw new Error('ACADEMY_BADGE_KEY must be set in production.');
  return DEVELOPMENT_BADGE_KEY;
}

/** The public half of the signing key, as a JWK (for verifiers). */
export function badgePublicKey(): JWK {
  const { d: _private, ...publicKey } = badgeKey();
  return { ...publicKey, kid: BADGE_KEY_ID, alg: 'ES256', use: 'sig' };
}

export interface BadgeCertificate {
  id: string;
  code: string;
  title: string;
  kind: string;
  employeeId: string;
  issuedOn: Date;
  expiresOn: Date | null;
  workProcesses: { code: string; title: string }[];
}

/** The credential as JSON (what the VC-JWT's `vc` claim carries). */
export function badgeCredential(c: BadgeCertificate) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `${VERIFY_URL}${c.code}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: ISSUER, type: ['Profile'], name: 'Academie Kringloop Nederland' },
    validFrom: `${formatCalendarDate(c.issuedOn)}T00:00:00Z`,
    ...(c.expiresOn ? { validUntil: `${formatCalendarDate(c.expiresOn)}T23:59:59Z` } : {}),
    name: c.title,
    credentialSubject: {
      // The employee's id in the platform, not a name: no personal data in the badge.
      id: `urn:uuid:${c.employeeId}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${ISSUER}/achievements/${c.kind}/${encodeURIComponent(c.title)}`,
        type: ['Achievement'],
        name: c.title,
        achievementType: c.kind === 'PRAKTIJKVERKLARING' ? 'Certificate' : 'Course',
        description: c.title,
        criteria: {
          narrative:
            c.workProcesses.length > 0
              ? c.workProcesses.map((wp) => `${wp.code} ${wp.title}`).join('\n')
              : `Completed ${c.title}.`,
        },
      },
    },
  };
}

/** The credential signed as a compact VC-JWT (ES256). */
export async function signedBadge(c: BadgeCertificate): Promise<string> {
  const key = await importJWK(badgeKey(), 'ES256');
  const vc = badgeCredential(c);
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: 'ES256', kid: BADGE_KEY_ID, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(vc.credentialSubject.id)
    .setJti(vc.id)
    .setNotBefore(Math.floor(c.issuedOn.getTime() / 1000))
    .setIssuedAt(Math.floor(c.issuedOn.getTime() / 1000))
    .sign(key);
}
