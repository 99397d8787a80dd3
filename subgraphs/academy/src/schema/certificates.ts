import { todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { certificateStatus, dueForRecertification } from '../domain/certificate';
import { badgeCredential, badgePublicKey, signedBadge } from '../services/badges';
import { verify, visibleRecertification } from '../services/certificates';

/*
 * Certificates as issued, their verification by code (for anyone, without a token), their Open
 * Badges 3.0 credential, and who needs recertification soon.
 */

const WorkProcessRef = builder.objectRef<{ code: string; title: string }>('WorkProcess').implement({
  description: 'A work process (werkproces) of an MBO qualification file: B1-K1-W2.',
  fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }),
});

const CertificateKindEnum = builder.enumType('CertificateKind', {
  values: ['PRAKTIJKVERKLARING', 'CERTIFICATE'] as const,
});
const CertificateStatusEnum = builder.enumType('CertificateStatus', {
  values: ['VALID', 'EXPIRED', 'REVOKED'] as const,
});

type Row = {
  id: string;
  code: string;
  kind: 'PRAKTIJKVERKLARING' | 'CERTIFICATE';
  title: string;
  employeeId: string;
  issuedOn: Date;
  expiresOn: Date | null;
  revokedOn: Date | null;
  workProcesses: unknown;
};
const workProcessesOf = (c: Row) =>
  Array.isArray(c.workProcesses) ? (c.workProcesses as { code: string; title: string }[]) : [];
const badgeOf = (c: Row) => ({ ...c, workProcesses: workProcessesOf(c) });

export const CertificateRef = builder.prismaObject('Certificate', {
  description:
    'A certificate as issued: a praktijkverklaring (listing the work processes mastered) or a course certificate. Holds no name: its holder is an employee id.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'The verification code: 7K3M-Q9TX-2HFD-W8NR.' }),
    kind: t.field({ type: CertificateKindEnum, resolve: (c) => c.kind }),
    title: t.exposeString('title'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    expiresOn: t.expose('expiresOn', {
      type: 'Date',
      nullable: true,
      description: 'Its last valid day; none: it never expires.',
    }),
    status: t.field({ type: CertificateStatusEnum, resolve: (c) => certificateStatus(c, todayInNetherlands()) }),
    workProcesses: t.field({ type: [WorkProcessRef], description: 'At most 60.', resolve: workProcessesOf }),
    badge: t.field({
      type: 'String',
      description: 'The Open Badges 3.0 credential (OpenBadgeCredential) as JSON text.',
      resolve: (c) => JSON.stringify(badgeCredential(badgeOf(c))),
    }),
    signedBadge: t.string({
      description: 'The same credential signed as a VC-JWT (ES256); the key is `badgeIssuerKey`.',
      resolve: (c) => signedBadge(badgeOf(c)),
    }),
  }),
});

const RecertificationRef = builder
  .objectRef<{ certificate: Row; status: string; daysLeft: number }>('RecertificationDue')
  .implement({
    fields: (t) => ({
      certificate: t.field({ type: CertificateRef, resolve: (d) => d.certificate as never }),
      employeeId: t.id({ resolve: (d) => d.certificate.employeeId }),
      status: t.exposeString('status', {
        description: 'EXPIRES_SOON (within 60 days) or EXPIRED (at most a year ago).',
      }),
      daysLeft: t.exposeInt('daysLeft'),
    }),
  });

builder.queryFields((t) => ({
  verifyCertificate: t.prismaField({
    type: 'Certificate',
    description: 'The certificate with this verification code, for anyone, also without a token.',
    skipTypeScopes: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => verify(ctx, code, query),
  }),
  badgeIssuerKey: t.string({
    description: "The public key (JWK, JSON text) that signs the Academy's badges; for anyone.",
    skipTypeScopes: true,
    resolve: () => JSON.stringify(badgePublicKey()),
  }),
  recertificationDue: t.field({
    type: [RecertificationRef],
    description:
      "Who of the member needs recertification soon (expiring within 60 days or expired within a year), soonest first; at most 500. Its HR and the Academy's administrators.",
    args: { memberId: t.arg.id({ required: true }) },
    authScopes: (_root, { memberId }) => ({ seesTrainingOf: memberId }),
    resolve: async (_root, { memberId }, ctx) => {
      const today = todayInNetherlands();
      const rows = await visibleRecertification(ctx, memberId);
      return dueForRecertification(
        rows.map((r) => ({ ...r, courseCode: r.course!.code })),
        today,
      ).slice(0, 500);
    },
  }),
}));
