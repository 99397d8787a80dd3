import { builder } from '../builder';
import { AUDIT_LOG_ORDER, auditLogWhere } from '../data/audit-log';

builder.prismaObject('AuditLogEntry', {
  description: 'One change to the agreement or the minimum wage: who, when, before and after.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.exposeID('actorId', { description: 'The user who made the change.' }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeID('entityId'),
    before: t.string({
      nullable: true,
      description: 'The state before, as JSON.',
      resolve: (e) => (e.before === null ? null : JSON.stringify(e.before)),
    }),
    after: t.string({
      nullable: true,
      description: 'The state after, as JSON.',
      resolve: (e) => (e.after === null ? null : JSON.stringify(e.after)),
    }),
  }),
});

builder.queryFields((t) => ({
  caoAuditLog: t.prismaConnection({
    type: 'AuditLogEntry',
    cursor: 'id',
    authScopes: { readsAuditLog: true },
    description: 'Changes to the agreement and the minimum wage, newest first (CAO team, platform admins).',
    args: { entityId: t.arg.id({ required: false }) },
    totalCount: (_c, args, ctx) => ctx.db.auditLogEntry.count({ where: auditLogWhere(args.entityId) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.auditLogEntry.findMany({ ...query, where: auditLogWhere(args.entityId), orderBy: AUDIT_LOG_ORDER }),
  }),
}));
