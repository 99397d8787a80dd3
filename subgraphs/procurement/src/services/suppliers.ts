import {
  checkEmail,
  checkKvkNumber,
  checkText,
  ConflictError,
  recordChange,
  withinField,
} from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { findSupplier, supplierWithKvk } from '../data/catalogue-admin';
import { peppolIdIn, vatNumberIn } from '../domain/catalogue';
import type { Prisma } from '../generated/prisma/client';
import { actorOf, mayManage, TRANSACTION } from './catalogue-input';

/*
 * Suppliers, kept by the association's procurement team: name, KvK and VAT numbers, the Peppol
 * participant id (one of those two) and a contact. Each change is one transaction with its audit entry.
 */

export interface SupplierInput {
  name: string;
  kvkNumber: string;
  vatNumber: string;
  peppolId: string;
  contactName: string;
  contactEmail: string;
}
export type SupplierChanges = { [Field in keyof SupplierInput]?: string | null };

function checkedSupplier(input: SupplierInput) {
  const kvkNumber = checkKvkNumber(input.kvkNumber, 'input.kvkNumber');
  const vatNumber = withinField('input', () => vatNumberIn(input.vatNumber));
  return {
    name: checkText(input.name, 'input.name', 'The name'),
    kvkNumber,
    vatNumber,
    peppolId: withinField('input', () => peppolIdIn(input.peppolId, { kvkNumber, vatNumber })),
    contactName: checkText(input.contactName, 'input.contactName', 'The contact name'),
    contactEmail: checkEmail(input.contactEmail, 'input.contactEmail', 'The contact e-mail address'),
  };
}

async function kvkFree(tx: Prisma.TransactionClient, kvkNumber: string, supplierId?: string) {
  const holder = await supplierWithKvk(tx, kvkNumber);
  if (holder && holder.id !== supplierId)
    throw new ConflictError(`KvK number ${kvkNumber} is already the supplier "${holder.name}"; update that supplier.`);
}

export async function createSupplier(ctx: ProcurementContext, input: SupplierInput, query: object = {}) {
  mayManage(ctx);
  const data = checkedSupplier(input);
  const id = await ctx.db.$transaction(async (tx) => {
    await kvkFree(tx, data.kvkNumber);
    const supplier = await tx.supplier.create({ data });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'CREATE_SUPPLIER',
      entityType: 'Supplier',
      entityId: supplier.id,
      after: data,
    });
    return supplier.id;
  }, TRANSACTION);
  return ctx.db.supplier.findUniqueOrThrow({ ...query, where: { id } });
}

/** Only the fields given change; the Peppol id must still be this supplier's KvK or VAT number. */
export async function updateSupplier(ctx: ProcurementContext, id: string, input: SupplierChanges, query: object = {}) {
  mayManage(ctx);
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as SupplierChanges;
  // What can be checked alone is checked before anything is read.
  if (given.name) checkText(given.name, 'input.name', 'The name');
  if (given.kvkNumber) checkKvkNumber(given.kvkNumber, 'input.kvkNumber');
  if (given.vatNumber) withinField('input', () => vatNumberIn(given.vatNumber!));
  if (given.contactName) checkText(given.contactName, 'input.contactName', 'The contact name');
  if (given.contactEmail) checkEmail(given.contactEmail, 'input.contactEmail', 'The contact e-mail address');
  await ctx.db.$transaction(async (tx) => {
    const before = await findSupplier(tx, id);
    const { createdAt: _createdAt, id: _id, ...current } = before;
    const data = checkedSupplier({ ...current, ...given } as SupplierInput);
    if (data.kvkNumber !== before.kvkNumber) await kvkFree(tx, data.kvkNumber, id);
    await tx.supplier.update({ where: { id }, data });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'UPDATE_SUPPLIER',
      entityType: 'Supplier',
      entityId: id,
      before: current,
      after: data,
    });
  }, TRANSACTION);
  return ctx.db.supplier.findUniqueOrThrow({ ...query, where: { id } });
}
