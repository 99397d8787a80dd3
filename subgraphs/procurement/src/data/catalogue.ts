import type { ProcurementContext } from '../builder';
import { CONTRACT_ROW } from './volumes';

/** The sector's volume of a contract (amount at list price, quantity per item), batched per request. */
export const volumeOfContract = (ctx: Pick<ProcurementContext, 'db' | 'loaders'>, contractId: string) =>
  ctx.loaders
    .get<string, { amount: string; items: Map<string, number> }>('contract-volume', async (ids) => {
      const rows = await ctx.db.sectorVolume.findMany({ where: { contractId: { in: [...ids] } } });
      return ids.map((id) => {
        const own = rows.filter((r) => r.contractId === id);
        return {
          amount: own.find((r) => r.itemId === CONTRACT_ROW)?.amount.toFixed(2) ?? '0.00',
          items: new Map(own.filter((r) => r.itemId !== CONTRACT_ROW).map((r) => [r.itemId, r.quantity])),
        };
      });
    })
    .load(contractId) as Promise<{ amount: string; items: Map<string, number> }>;

/** A contract's tier rules and basis, batched per request (an item's price needs them). */
export const pricingOfContract = (ctx: Pick<ProcurementContext, 'db' | 'loaders'>, contractId: string) =>
  ctx.loaders
    .get<string, { tierBasis: string; tiers: { fromAmount: string; discountPercent: string }[] }>(
      'contract-pricing',
      async (ids) => {
        const contracts = await ctx.db.contract.findMany({ where: { id: { in: [...ids] } }, include: { tiers: true } });
        return ids.map((id) => {
          const c = contracts.find((x) => x.id === id);
          return c
            ? {
                tierBasis: c.tierBasis,
                tiers: c.tiers.map((t) => ({
                  fromAmount: t.fromAmount.toFixed(2),
                  discountPercent: t.discountPercent.toFixed(2),
                })),
              }
            : null;
        });
      },
    )
    .load(contractId) as Promise<{ tierBasis: string; tiers: { fromAmount: string; discountPercent: string }[] }>;
