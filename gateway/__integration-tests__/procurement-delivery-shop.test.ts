import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { tokenOf } from './testkit/actors';
import { addDays, todayNl } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, M2, UNKNOWN_ID } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// An order goes to one of the member's shops (a branch in the members directory, which
// procurement asks through its API): the shop must be the member's and open on the order date,
// another member's shop is refused exactly as a made-up id, and the Peppol document names the
// shop's address as where the goods are delivered. Demo catalogue: contract 1 (price labels),
// item 1 a roll at €4.95.
const tp = usePlatform();
const LABELS = demoId('contract', 1);
const ROLL = demoId('item', 1);
const db = () => tp.platform.subgraphs['procurement']!.database;

const tokens = useTokens({
  buyer1: () => tokenOf('member-purchaser', M1, 'shop-buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'shop-approver-1'),
  admin1: () => tokenOf('member-admin', M1, 'shop-admin-1'),
});

interface Shop {
  id: string;
  name: string;
  closedOn: string | null;
  address: { street: string; houseNumber: string; postcode: string; city: string };
}
const SHOPS = `query($m: ID!) { member(id: $m) { branches(first: 50) { edges { node { id name closedOn address { street houseNumber postcode city } } } } } }`;
const shopsOf = async (memberId: string) =>
  nodes(
    expectOk(
      await tp.query<{ member: { branches: { edges: { node: Shop }[] } } }>(SHOPS, {
        token: tokens.buyer1,
        variables: { m: memberId },
      }),
    ).member.branches,
  );
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status deliveryBranchId } }`;
const submit = (idempotencyKey: string, deliveryBranchId: string | null) =>
  tp.query<{ submitOrder: { id: string; status: string; deliveryBranchId: string | null } }>(SUBMIT, {
    token: tokens.buyer1,
    variables: {
      input: {
        memberId: M1,
        contractId: LABELS,
        idempotencyKey,
        lines: [{ itemId: ROLL, quantity: 10 }],
        deliveryBranchId,
      },
    },
  });
const PEPPOL = `query($id: ID!) { orderPeppolXml(id: $id) }`;

let own: Shop;
let foreign: Shop;
beforeAll(async () => {
  own = nonEmpty((await shopsOf(M1)).filter((s) => s.closedOn === null))[0]!;
  foreign = nonEmpty(await shopsOf(M2))[0]!;
});

test("an order goes to one of the member's open shops; the Peppol document delivers it there", async () => {
  const order = expectOk(await submit('delivery-shop-own-1', own.id)).submitOrder;
  expect(order).toMatchObject({ status: 'APPROVED', deliveryBranchId: own.id });
  // The same key and the same order: the first one; the same key to another shop: a different order.
  expect(expectOk(await submit('delivery-shop-own-1', own.id)).submitOrder.id).toBe(order.id);
  await expectRefusedWithoutWrites(db(), () => submit('delivery-shop-own-1', null), 'CONFLICT');

  const xml = expectOk(
    await tp.query<{ orderPeppolXml: string }>(PEPPOL, { token: tokens.buyer1, variables: { id: order.id } }),
  ).orderPeppolXml;
  const delivery = xml.match(/<cac:Delivery>[\s\S]*?<\/cac:Delivery>/)?.[0] ?? '';
  expect(delivery).toContain(`<cbc:StreetName>${own.address.street} ${own.address.houseNumber}</cbc:StreetName>`);
  expect(delivery).toContain(`<cbc:CityName>${own.address.city}</cbc:CityName>`);
  expect(delivery).toContain(`<cbc:PostalZone>${own.address.postcode}</cbc:PostalZone>`);
  expect(delivery).toContain(`<cbc:Name>${own.name}</cbc:Name>`);
});

test('without a shop the order has none and its document no delivery address', async () => {
  const order = expectOk(await submit('delivery-shop-none-1', null)).submitOrder;
  expect(order.deliveryBranchId).toBeNull();
  const xml = expectOk(
    await tp.query<{ orderPeppolXml: string }>(PEPPOL, { token: tokens.buyer1, variables: { id: order.id } }),
  ).orderPeppolXml;
  expect(xml).not.toContain('<cac:Delivery>');
});

test("another member's shop is refused exactly as a made-up one, naming the field; nothing is written", async () => {
  const theirs = await expectRefusedWithoutWrites(
    db(),
    () => submit('delivery-shop-foreign-1', foreign.id),
    'BAD_USER_INPUT',
    'input.deliveryBranchId',
  );
  const madeUp = await submit('delivery-shop-unknown-1', UNKNOWN_ID);
  expectRefused(madeUp, 'BAD_USER_INPUT', 'input.deliveryBranchId');
  expect(theirs.errors![0]!.message.replace(foreign.id, 'X')).toBe(madeUp.errors![0]!.message.replace(UNKNOWN_ID, 'X'));
  expect(JSON.stringify(theirs)).not.toContain(foreign.name);
});

test('a shop that has closed takes no orders', async () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateBranchInput!) { updateBranch(id: $id, input: $input) { id closedOn } }`;
  const closedOn = addDays(todayNl(), -1);
  expectOk(await tp.query(UPDATE, { token: tokens.admin1, variables: { id: own.id, input: { closedOn } } }));
  const res = await expectRefusedWithoutWrites(
    db(),
    () => submit('delivery-shop-closed-1', own.id),
    'BAD_USER_INPUT',
    'input.deliveryBranchId',
  );
  expect(res.errors![0]!.message).toBe(`The shop "${own.name}" closed on ${closedOn}; choose an open shop.`);
});
