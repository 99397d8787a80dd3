// An ERP placing an order through joint procurement and following it:
//   pnpm --filter @samen-sterk/sdk example:erp
// as a member's purchaser (`pnpm -s token --role member-purchaser`), against `pnpm start`.
import {
  ContractItemsDocument,
  OrderDocument,
  OrdersDocument,
  ProcurementContractsDocument,
  type SamenSterkClient,
} from '../src';
import { runExample, whoAmI, type Say } from './run';

export async function main(client: SamenSterkClient, say: Say = console.log) {
  const { memberId, memberName, roles } = await whoAmI(client);
  say(`Signed in for ${memberName} (${roles.join(', ')}).`);

  // The contracts open to the sector, and the first one's items with the price the sector reaches now.
  const contracts = await client.all(ProcurementContractsDocument, {}, (data) => data.procurementContracts);
  const active = contracts.filter((contract) => contract.status === 'ACTIVE');
  say(`Found ${contracts.length} framework contracts, ${active.length} active.`);
  const contract = active[0];
  if (!contract) throw new Error('No active framework contract to order from.');
  const items = await client.all(
    ContractItemsDocument,
    { contractId: contract.id },
    (data) => data.procurementContract?.items,
  );
  const item = items[0];
  if (!item) throw new Error(`The contract "${contract.title}" has no items.`);
  say(
    `Ordering from "${contract.title}" (${contract.supplier.name}): ${items.length} items; ` +
      `"${item.name}" costs €${item.price} a ${item.unit} now (list price €${item.listPrice}).`,
  );

  // The SDK makes the idempotency key; an ERP keeps it with its purchase order, so that sending
  // the order again after a lost answer returns the same order instead of a second one.
  const order = await client.submitOrder({
    memberId,
    contractId: contract.id,
    lines: [{ itemId: item.id, quantity: 2 }],
  });
  say(
    `Placed order ${order.id}: 2 × ${item.name}, €${order.total} excluding VAT (€${order.vatTotal} VAT), ` +
      `saving €${order.savings}; status ${order.status}${order.approvalReason ? ` (${order.approvalReason})` : ''}.`,
  );
  const again = await client.submitOrder({
    memberId,
    contractId: contract.id,
    lines: [{ itemId: item.id, quantity: 2 }],
    idempotencyKey: order.idempotencyKey,
  });
  say(`Sent it again with the same idempotency key: still order ${again.id}, not a second order.`);

  // Following the order: its status as the platform has it now, and the member's recent orders.
  const { order: now } = await client.request(OrderDocument, { id: order.id });
  const next =
    now.status === 'SUBMITTED'
      ? 'waiting for an approver of the member'
      : now.status === 'APPROVED'
        ? 'approved; the procurement team sends it to the supplier'
        : `now ${now.status}`;
  say(`Order ${now.id} is ${now.status}: ${next}.`);
  const { orders } = await client.request(OrdersDocument, { memberId, first: 5 });
  say(`${memberName} has ${orders.totalCount} order${orders.totalCount === 1 ? '' : 's'}; the latest:`);
  for (const { node } of orders.edges) {
    say(`  ${node.orderDate}  ${node.status.padEnd(9)}  €${node.total.padStart(10)}  ${node.contract.title}`);
  }
  return {
    memberId,
    orderId: order.id,
    resentOrderId: again.id,
    status: now.status,
    idempotencyKey: order.idempotencyKey,
  };
}

if (require.main === module) runExample('member-purchaser', main);
