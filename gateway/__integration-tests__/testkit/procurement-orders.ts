import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import type { PrismaClient } from '../../../subgraphs/procurement/src/generated/prisma/client';
import { tokenOf } from './actors';
import { expectOk } from './expect';
import type { GraphQLResponse } from './graphql';
import type { TestPlatform } from './platform';

/**
 * Orders of joint procurement as the hostile tests place them: the demo catalogue's ids, the
 * order mutations, and a fresh purchaser per request where requests are sent at once (one caller
 * may have only a few requests in flight). Demo catalogue (procurement seed): contract 1 labels
 * (item 1 a roll at €4.95), contract 2 bags (item 5 a cotton bag at €118.00, €109.00 from 50),
 * contract 4 workwear (item 11 safety shoes at €64.00, €58.50 from 150), contract 5 electrical
 * testing (item 13 a visit at €68.00), contract 7 insurance (item 15 liability at €420.00). The
 * first six demo members approve up to €1,000.00 and have a yearly budget of €25,000.00; member 2
 * sends an order over it to an approver, the others refuse it.
 */
export const LABELS = demoId('contract', 1);
export const ROLL = demoId('item', 1);
export const TAG_GUN = demoId('item', 2);
export const BAGS = demoId('contract', 2);
export const COTTON_BAG = demoId('item', 5);
export const WORKWEAR = demoId('contract', 4);
export const SHOES = demoId('item', 11);
export const TESTING = demoId('contract', 5);
export const TEST_VISIT = demoId('item', 13);
export const INSURANCE = demoId('contract', 7);
export const LIABILITY = demoId('item', 15);

export interface PlacedOrder {
  id: string;
  status: string;
  total: string;
  listTotal: string;
  lines: { item: { id: string }; quantity: number; unitPrice: string; amount: string }[];
}
export const ORDER_FIELDS = 'id status total listTotal lines { item { id } quantity unitPrice amount }';
export const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const APPROVE = 'mutation($id: ID!) { approveOrder(id: $id) { id status } }';
export const REJECT = 'mutation($id: ID!, $reason: String!) { rejectOrder(id: $id, reason: $reason) { id status } }';
export const CANCEL = 'mutation($id: ID!) { cancelOrder(id: $id) { id status } }';

export type Line = { itemId: string; quantity: number };
let keys = 0;
/** A key no other test uses. */
export const newKey = () => `hostile-${process.pid}-${Date.now()}-${++keys}`;
export const orderInput = (memberId: string, contractId: string, lines: Line[], idempotencyKey = newKey()) => ({
  memberId,
  contractId,
  idempotencyKey,
  lines,
});

/** Signs a purchaser of `memberId` with a sub of its own: for requests sent at once. */
let signed = 0;
export const freshPurchaser = (memberId: string) =>
  tokenOf('member-purchaser', memberId, `hostile-buyer-${memberId.slice(-4)}-${++signed}`);
export const freshApprover = (memberId: string) =>
  tokenOf('member-approver', memberId, `hostile-approver-${memberId.slice(-4)}-${++signed}`);

/** The order mutations and the figures the tests compare, on a running platform. */
export function procurementDriver(tp: TestPlatform) {
  const database = () => tp.platform.subgraphs['procurement']!.database;
  const prisma = () => database().prisma as PrismaClient;
  const submit = (token: string, input: ReturnType<typeof orderInput>) =>
    tp.query<{ submitOrder: PlacedOrder }>(SUBMIT, { token, variables: { input } });
  const decide = (mutation: string, token: string, id: string, reason?: string) =>
    tp.query<Record<string, { id: string; status: string }>>(mutation, {
      token,
      variables: { id, ...(reason === undefined ? {} : { reason }) },
    });
  return {
    database,
    prisma,
    submit,
    placed: async (token: string, input: ReturnType<typeof orderInput>) =>
      expectOk(await submit(token, input)).submitOrder,
    approve: (token: string, id: string) => decide(APPROVE, token, id),
    reject: (token: string, id: string, reason: string) => decide(REJECT, token, id, reason),
    cancel: (token: string, id: string) => decide(CANCEL, token, id),
    /** The sector's quantity of an item, as the database holds it. */
    sectorQuantity: async (contractId: string, itemId: string) =>
      (await prisma().sectorVolume.findUnique({ where: { contractId_itemId: { contractId, itemId } } }))?.quantity ?? 0,
    /** The sector's amount at list price of a contract, as the database writes it ("0.00"). */
    sectorAmount: async (contractId: string) =>
      (
        await prisma().sectorVolume.findUnique({ where: { contractId_itemId: { contractId, itemId: '' } } })
      )?.amount.toFixed(2) ?? '0.00',
    /** The member's orders that count against its budget (not rejected or cancelled). */
    counted: (memberId: string) =>
      prisma().order.findMany({
        where: { memberId, status: { notIn: ['REJECTED', 'CANCELLED'] } },
        select: { id: true, total: true, contractId: true, status: true },
      }),
  };
}

/** Answers' error codes, for requests sent at once: `[null]` for one that succeeded. */
export const outcomes = (answers: GraphQLResponse<unknown>[]) =>
  answers.map((a) => (a.errors?.length ? String(a.errors[0]!.extensions?.code) : null));
