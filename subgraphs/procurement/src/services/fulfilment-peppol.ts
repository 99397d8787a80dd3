import { formatCalendarDate, isDomainError } from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { visibleOrders } from '../data/orders';
import { peppolOrderXml, unitCodeOf } from '../domain/peppol/order-xml';
import { refusal } from './fulfilment';
import { buyerOf, shopOf } from './members-directory';

/*
 * The order as a Peppol BIS Order 3 document (UBL 2.1 XML) for its supplier: the buyer's name and
 * KvK number from the members directory, the seller from the contract's supplier, and the shop the
 * goods go to (when the order names one) with its address from the members directory.
 */

const NOT_SENDABLE: readonly string[] = ['SUBMITTED', 'REJECTED', 'CANCELLED'];

/** The order as a Peppol BIS Order 3 document (UBL 2.1 XML), for an approved order the caller may see. */
export async function orderPeppolXml(ctx: ProcurementContext, id: string): Promise<string> {
  const order = await ctx.db.order.findFirst({
    where: { id, ...visibleOrders(ctx.identity) },
    include: {
      lines: { orderBy: { position: 'asc' }, include: { item: true } },
      contract: { include: { supplier: true } },
    },
  });
  if (!order) throw refusal('NOT_FOUND', 'id', `Order ${id} does not exist or is not visible to you.`, { id });
  if (NOT_SENDABLE.includes(order.status))
    throw refusal('CONFLICT', 'id', `Only an approved order goes to the supplier; this order is ${order.status}.`);
  const buyer = await buyerOf(ctx, order.memberId);
  // The shop it goes to, as the members directory has it now (a shop that moved is delivered to
  // where it is).
  const shop = order.deliveryBranchId ? await shopOf(ctx, order.memberId, order.deliveryBranchId, 'id') : null;
  const supplier = order.contract.supplier;
  try {
    return peppolOrderXml({
      id: order.id,
      issueDate: formatCalendarDate(order.orderDate),
      contractId: order.contractId,
      buyer: {
        name: buyer.name,
        kvkNumber: buyer.kvkNumber,
        endpointId: `0106:${buyer.kvkNumber}`,
        city: buyer.city,
        country: 'NL',
      },
      seller: {
        name: supplier.name,
        kvkNumber: supplier.kvkNumber,
        vatNumber: supplier.vatNumber,
        endpointId: supplier.peppolId,
        country: 'NL',
      },
      deliveryAddress: shop && {
        name: shop.name,
        street: `${shop.address.street} ${shop.address.houseNumber}`,
        city: shop.address.city,
        postcode: shop.address.postcode,
        country: 'NL',
      },
      lines: order.lines.map((line) => ({
        lineNumber: line.position + 1,
        sku: line.item.sku,
        name: line.item.name,
        quantity: line.quantity,
        unitCode: unitCodeOf(line.item.unit),
        unitPrice: line.unitPrice.toFixed(2),
        amount: line.amount.toFixed(2),
        vatRate: line.vatRate.toFixed(0),
      })),
      lineExtensionTotal: order.total.toFixed(2),
      vatTotal: order.vatTotal.toFixed(2),
      payableTotal: order.total.plus(order.vatTotal).toFixed(2),
    });
  } catch (error) {
    // The order's own data would make an invalid document: not the caller's input, so the order's id.
    if (isDomainError(error))
      throw refusal('CONFLICT', 'id', `The order cannot be written as a Peppol document: ${error.message}`);
    throw error;
  }
}
