import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { tokenOf } from './testkit/actors';
import { iso } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { M1, M2, UNKNOWN_ID } from './testkit/ids';
import { cents, formatCents } from './testkit/money';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// Changing a contract in use, through the real gateway (procurement domain rule 9): the
// association's procurement team corrects a contract's title and terms at any time, extends or
// shortens its period as long as every order stays inside it, changes its category only before
// anyone ordered, and changes an item's list price or VAT rate. Orders placed keep the prices
// they had; the settlement counts each line from the list price it was ordered at. Demo
// catalogue: contract 1 is price labels, item 1 a roll at €4.95 list, €4.50 from a sector
// quantity of 500, €4.10 from 2,000; every demo member approves itself up to €1,000.
const tp = usePlatform();
const LABELS = demoId('contract', 1);
const ROLL = demoId('item', 1);
const BAGS = demoId('contract', 2);
const db = () => tp.platform.subgraphs['procurement']!.database;

const tokens = useTokens({
  team: () => tokenOf('association-procurement', M1, 'procurement-team'),
  buyer1: () => tokenOf('member-purchaser', M1, 'buyer-1'),
  buyer2: () => tokenOf('member-purchaser', M2, 'buyer-2'),
});

const CONTRACT_FIELDS = 'id title category terms status validFrom validUntil';
const UPDATE = `mutation($id: ID!, $input: UpdateContractInput!) { updateContract(id: $id, input: $input) { ${CONTRACT_FIELDS} } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateContractItemInput!) { updateContractItem(id: $id, input: $input) { id name unit vatRate listPrice price } }`;
const STATUS = `mutation($id: ID!, $status: ContractStatus!) { setContractStatus(id: $id, status: $status) { id status } }`;
const CONTRACT = `query($id: ID!) { procurementContract(id: $id) { ${CONTRACT_FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status total vatTotal lines { unitPrice amount } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id total vatTotal lines { unitPrice amount } } }`;
const PREVIEW = `query($contractId: ID!) { settlementPreview(contractId: $contractId) { total members { member { id } rebate lines } } }`;

interface Contract {
  id: string;
  title: string;
  category: string;
  terms: string;
  status: string;
  validFrom: string;
  validUntil: string;
}
interface Order {
  id: string;
  status: string;
  total: string;
  vatTotal: string;
  lines: { unitPrice: string; amount: string }[];
}

const send = <Data>(document: string, token: string, variables: Record<string, unknown>) =>
  tp.query<Data>(document, { token, variables });
const update = (id: string, input: Record<string, unknown>, token = tokens.team) =>
  send<{ updateContract: Contract }>(UPDATE, token, { id, input });
const updateItem = (id: string, input: Record<string, unknown>) =>
  send<{ updateContractItem: { listPrice: string; vatRate: string; price: string } }>(UPDATE_ITEM, tokens.team, {
    id,
    input,
  });
let keys = 0;
const submit = async (token: string, memberId: string, quantity: number) =>
  expectOk(
    await send<{ submitOrder: Order }>(SUBMIT, token, {
      input: {
        memberId,
        contractId: LABELS,
        idempotencyKey: `contract-changes-${++keys}`,
        lines: [{ itemId: ROLL, quantity }],
      },
    }),
  ).submitOrder;
const auditOf = async (entityId: string) =>
  db().sql.query<{ action: string; before: unknown; after: unknown }>(
    'SELECT action, before, after FROM audit_log_entry WHERE entity_id = $1 ORDER BY at',
    [entityId],
  );
const today = new Date();
const thisYear = today.getUTCFullYear();
const dayAfter = (days: number) => iso(new Date(Date.UTC(thisYear, today.getUTCMonth(), today.getUTCDate() + days)));

test('the team corrects title and terms; members see them; only what changed is audited, once', async () => {
  const input = {
    title: 'Prijsetiketten en prijstangen 2.0',
    terms: 'Levering binnen 3 werkdagen.\nFranco vanaf €150.',
  };
  expect(expectOk(await update(LABELS, input)).updateContract).toMatchObject({ ...input, category: 'LABELS' });
  expect(expectOk(await update(LABELS, input)).updateContract.title).toBe(input.title); // the same again: no change
  const seen = expectOk(await send<{ procurementContract: Contract }>(CONTRACT, tokens.buyer1, { id: LABELS }));
  expect(seen.procurementContract.title).toBe(input.title);
  const audit = nonEmpty(await auditOf(LABELS));
  expect(audit.map((a) => a.action)).toEqual(['UPDATE_CONTRACT']);
  expect(Object.keys(audit[0]!.after as object).sort()).toEqual(['terms', 'title']);
});

test('a list price and VAT change: orders placed keep theirs; new orders and the settlement follow the rules', async () => {
  // 100 rolls at €4.95 (sector 0 → 100): €495.00, VAT 21 % €103.95.
  const before = await submit(tokens.buyer1, M1, 100);
  expect(before).toMatchObject({ status: 'APPROVED', total: '495.00', vatTotal: '103.95' });
  expect(expectOk(await updateItem(ROLL, { listPrice: '5.25', vatRate: '9' })).updateContractItem).toMatchObject({
    listPrice: '5.25',
    vatRate: '9',
    price: '5.25',
  });
  const unchanged = expectOk(await send<{ order: Order }>(ORDER, tokens.buyer1, { id: before.id })).order;
  expect(unchanged).toMatchObject({ total: '495.00', vatTotal: '103.95', lines: [{ unitPrice: '4.95' }] });
  // 100 more at the new list price (sector 200): €525.00, VAT 9 % €47.25.
  expect(await submit(tokens.buyer1, M1, 100)).toMatchObject({ total: '525.00', vatTotal: '47.25' });
  // Below the €4.50 tier the list price cannot go; refused, nothing written.
  await expectRefusedWithoutWrites(
    db(),
    () => updateItem(ROLL, { listPrice: '4.49' }),
    'BAD_USER_INPUT',
    'input.listPrice',
  );
  await expectRefusedWithoutWrites(db(), () => updateItem(ROLL, { vatRate: '19' }), 'BAD_USER_INPUT', 'input.vatRate');
  // Member 2 lifts the sector to 600, past 500: its 400 rolls cost €4.50.
  const crossing = await submit(tokens.buyer2, M2, 400);
  expect(crossing.lines[0]!.unitPrice).toBe('4.50');
  // Member 1's lines earn the difference from what each paid to €4.50: 100 × €0.45 + 100 × €0.75.
  const rebate = formatCents(100n * (cents('4.95') - cents('4.50')) + 100n * (cents('5.25') - cents('4.50')));
  expect(rebate).toBe('120.00');
  const preview = expectOk(
    await send<{ settlementPreview: { total: string; members: { member: { id: string }; rebate: string }[] } }>(
      PREVIEW,
      tokens.team,
      { contractId: LABELS },
    ),
  ).settlementPreview;
  expect(preview.total).toBe(rebate);
  expect(nonEmpty(preview.members).map((m) => [m.member.id, m.rebate])).toEqual(
    [
      [M1, rebate],
      [M2, '0.00'],
    ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
});

test('the period keeps every order inside it; the category is fixed once ordered from', async () => {
  // Orders of today exist on contract 1 (the test before). It may start earlier and run longer…
  const wider = { validFrom: `${thisYear - 1}-01-01`, validUntil: `${thisYear + 1}-12-31` };
  expect(expectOk(await update(LABELS, wider)).updateContract).toMatchObject(wider);
  // …but not start after today's orders or end before them.
  await expectRefusedWithoutWrites(
    db(),
    () => update(LABELS, { validFrom: dayAfter(1) }),
    'CONFLICT',
    'input.validFrom',
  );
  await expectRefusedWithoutWrites(
    db(),
    () => update(LABELS, { validUntil: dayAfter(-1) }),
    'CONFLICT',
    'input.validUntil',
  );
  await expectRefusedWithoutWrites(db(), () => update(LABELS, { category: 'CLEANING' }), 'CONFLICT', 'input.category');
  // A contract nobody ordered under changes freely.
  const moved = { category: 'bags and boxes', validFrom: `${thisYear}-03-01`, validUntil: `${thisYear + 2}-02-28` };
  expect(expectOk(await update(BAGS, moved)).updateContract).toMatchObject({
    category: 'BAGS_AND_BOXES',
    validFrom: moved.validFrom,
    validUntil: moved.validUntil,
  });
});

test('bad input is refused with its field and writes nothing; only the team changes contracts', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ title: '   ' }, 'input.title'],
    [{ validFrom: `${thisYear}-06-01`, validUntil: `${thisYear}-05-31` }, 'input.validUntil'],
    [{ validUntil: `${thisYear + 9}-01-01` }, 'input.validUntil'],
    [{ category: '!' }, 'input.category'],
  ];
  for (const [input, field] of nonEmpty(cases))
    await expectRefusedWithoutWrites(db(), () => update(BAGS, input), 'BAD_USER_INPUT', field);
  await expectRefusedWithoutWrites(db(), () => update(BAGS, { title: 'Mine' }, tokens.buyer1), 'FORBIDDEN');
  expectRefused(await update(UNKNOWN_ID, { title: 'Nobody' }), 'NOT_FOUND');
  expectRefused(await updateItem(UNKNOWN_ID, { name: 'Nobody' }), 'NOT_FOUND');
});

test('an ended contract and its items stay as they were', async () => {
  expectOk(await send(STATUS, tokens.team, { id: BAGS, status: 'ENDED' }));
  await expectRefusedWithoutWrites(db(), () => update(BAGS, { title: 'Later' }), 'CONFLICT');
  await expectRefusedWithoutWrites(db(), () => updateItem(demoId('item', 4), { listPrice: '1.00' }), 'CONFLICT');
});
