import type { Role as ClaimRole } from '@samen-sterk/subgraph-runtime';
import type { Role as StoredRole } from '../generated/prisma/client';

/** Roles are kebab-case in tokens (`member-admin`) and upper snake case in the API and database. */
export const claimRole = (role: StoredRole) => role.toLowerCase().replace(/_/g, '-') as ClaimRole;
export const storedRole = (role: ClaimRole) => role.toUpperCase().replace(/-/g, '_') as StoredRole;
