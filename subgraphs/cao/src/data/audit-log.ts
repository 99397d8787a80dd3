import type { Prisma } from '../generated/prisma/client';

/** The CAO audit log, or the entries of one version or rate. */
export const auditLogWhere = (entityId: string | null | undefined): Prisma.AuditLogEntryWhereInput =>
  entityId ? { entityId } : {};

/** Newest first. */
export const AUDIT_LOG_ORDER: Prisma.AuditLogEntryOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];
