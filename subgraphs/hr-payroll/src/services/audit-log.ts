import type { HrContext } from '../builder';
import { maskBsn, maskIban } from '../domain/masking';
import type { Employee, Prisma } from '../generated/prisma/client';

/** Who made a change: the signed-in caller (every change requires one). */
export const actorOf = (ctx: Pick<HrContext, 'identity'>) => ctx.identity!.userId;

/** What the audit log keeps of an employee: identifiers masked, as everywhere outside the record. */
export const employeeSnapshot = (e: Employee) => ({ ...e, bsn: maskBsn(e.bsn), iban: maskIban(e.iban) });

/**
 * A snapshot as the log shows it, as JSON text. Snapshots are written with BSN and IBAN masked
 * (employeeSnapshot). Masking again on the way out keeps a full number from ever leaving
 * through the log, whatever an older row holds; masking a masked value changes nothing.
 */
export const shownSnapshot = (json: Prisma.JsonValue | null) => {
  if (json === null) return null;
  if (typeof json === 'object' && !Array.isArray(json)) {
    const masked = { ...json };
    if (typeof masked.bsn === 'string') masked.bsn = maskBsn(masked.bsn);
    if (typeof masked.iban === 'string') masked.iban = maskIban(masked.iban);
    return JSON.stringify(masked);
  }
  return JSON.stringify(json);
};
