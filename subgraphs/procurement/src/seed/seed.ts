import { demoId, SEED_TRANSACTION, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import type { PrismaClient, TierBasis } from '../generated/prisma/client';
import catalogue from './catalogue.json';

/**
 * Demo catalogue: fictional suppliers with framework contracts for what thrift shops buy
 * (catalogue.json), valid for the current calendar year, and purchasing settings for the demo
 * members that have staff (the first six): approval above €1,000, a yearly budget of €25,000
 * (member 1 refuses orders over it, member 2 sends them to an approver). Deterministic ids
 * (`demoId('contract', 1)`…), and nothing when suppliers exist already.
 */
const MEMBERS_WITH_SETTINGS = 6;

interface SeedItem {
  sku: string;
  name: string;
  unit: string;
  vatRate: string;
  listPrice: string;
  tiers: [number, string][];
}

export async function seedProcurement(prisma: PrismaClient): Promise<{ seeded: boolean }> {
  if ((await prisma.supplier.count()) > 0) return { seeded: false };
  const year = todayInNetherlands().getUTCFullYear();
  const validFrom = new Date(Date.UTC(year, 0, 1));
  const validUntil = new Date(Date.UTC(year, 11, 31));
  let contracts = 0;
  let items = 0;
  await prisma.$transaction(async (tx) => {
    for (const [s, supplier] of catalogue.suppliers.entries()) {
      const supplierId = demoId('supplier', s + 1);
      await tx.supplier.create({
        data: {
          id: supplierId,
          name: supplier.name,
          kvkNumber: supplier.kvkNumber,
          vatNumber: supplier.vatNumber,
          peppolId: `0106:${supplier.kvkNumber}`,
          contactName: supplier.contactName,
          contactEmail: supplier.contactEmail,
        },
      });
      for (const contract of supplier.contracts) {
        const contractId = demoId('contract', ++contracts);
        await tx.contract.create({
          data: {
            id: contractId,
            supplierId,
            title: contract.title,
            category: contract.category,
            validFrom,
            validUntil,
            terms: contract.terms,
            tierBasis: contract.tierBasis as TierBasis,
            tiers: {
              create: ('contractTiers' in contract ? (contract.contractTiers as [string, string][]) : []).map(
                ([fromAmount, discountPercent]) => ({ fromAmount, discountPercent }),
              ),
            },
          },
        });
        for (const item of contract.items as SeedItem[]) {
          await tx.item.create({
            data: {
              id: demoId('item', ++items),
              contractId,
              sku: item.sku,
              name: item.name,
              unit: item.unit,
              vatRate: item.vatRate,
              listPrice: item.listPrice,
              tiers: { create: item.tiers.map(([fromQuantity, unitPrice]) => ({ fromQuantity, unitPrice })) },
            },
          });
        }
      }
    }
    await tx.memberProcurementSettings.createMany({
      data: Array.from({ length: MEMBERS_WITH_SETTINGS }, (_, i) => ({
        memberId: demoId('member', i + 1),
        approvalThreshold: '1000.00',
        yearlyBudget: '25000.00',
        overBudget: i === 1 ? ('APPROVAL' as const) : ('REFUSE' as const),
      })),
    });
  }, SEED_TRANSACTION);
  return { seeded: true };
}
