import { tokenOf } from './testkit/actors';
import { expectOk, expectRefused, expectRefusedWithoutWrites } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, memberId, UNKNOWN_ID } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// The catalogue's upkeep through the real gateway: the association's procurement team adds a
// supplier and a framework contract with items and tiers; once it is active a member's purchaser
// sees it and orders from it at the tier the sector reaches; bad input is refused with its field
// and writes nothing; a draft is not orderable; tiers are fixed once members ordered under them.
const tp = usePlatform();
const M4 = memberId(4);
const db = () => tp.platform.subgraphs['procurement']!.database;

const tokens = useTokens({
  team: () => tokenOf('association-procurement', M1, 'procurement-team'),
  buyer4: () => tokenOf('member-purchaser', M4, 'buyer-4'),
  admin4: () => tokenOf('member-admin', M4, 'admin-4'),
});

const SUPPLIER = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id name kvkNumber vatNumber peppolId contactEmail } }`;
const UPDATE_SUPPLIER = `mutation($id: ID!, $input: UpdateSupplierInput!) { updateSupplier(id: $id, input: $input) { id name peppolId } }`;
const CONTRACT_FIELDS = `id title category status tierBasis validFrom validUntil supplier { name }
  contractTiers { fromAmount discountPercent }
  items(first: 50) { totalCount edges { node { id sku name unit vatRate listPrice price tiers { fromQuantity unitPrice } } } }`;
const CONTRACT = `mutation($input: CreateContractInput!) { createContract(input: $input) { ${CONTRACT_FIELDS} } }`;
/** What a refusal test sends: the input is what is tested (a long list times a large answer would cost too much). */
const CONTRACT_ID = `mutation($input: CreateContractInput!) { createContract(input: $input) { id } }`;
const STATUS = `mutation($id: ID!, $status: ContractStatus!) { setContractStatus(id: $id, status: $status) { id status } }`;
const ADD_ITEM = `mutation($contractId: ID!, $input: ContractItemInput!) { addContractItem(contractId: $contractId, input: $input) { id sku price } }`;
const ITEM_TIERS = `mutation($itemId: ID!, $tiers: [PriceTierInput!]!) { setItemTiers(itemId: $itemId, tiers: $tiers) { id tiers { fromQuantity unitPrice } } }`;
const CONTRACT_TIERS = `mutation($contractId: ID!, $tiers: [ContractTierInput!]!) { setContractTiers(contractId: $contractId, tiers: $tiers) { id contractTiers { fromAmount discountPercent } } }`;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status total lines { item { id } quantity unitPrice amount } } }`;
const CONTRACTS = `query { procurementContracts(first: 50) { edges { node { id title status items(first: 10) { edges { node { id sku price } } } } } } }`;

interface Item {
  id: string;
  sku: string;
  price: string;
  listPrice: string;
  tiers: { fromQuantity: number; unitPrice: string }[];
}
interface Contract {
  id: string;
  status: string;
  category: string;
  items: { totalCount: number; edges: { node: Item }[] };
}

const year = new Date().getUTCFullYear();
const supplierInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rekken & Hangers B.V.',
  kvkNumber: '90000001',
  vatNumber: 'NL890000001B01',
  peppolId: '0106:90000001',
  contactName: 'Sanne Bakker',
  contactEmail: 'Verkoop@Rekken.example',
  ...overrides,
});
const railItem = (overrides: Record<string, unknown> = {}) => ({
  sku: 'RAIL-120',
  name: 'Clothes rail, chrome, 120 cm',
  unit: 'stuk',
  vatRate: '21',
  listPrice: '120.00',
  tiers: [
    { fromQuantity: 5, unitPrice: '110.00' },
    { fromQuantity: 50, unitPrice: '99.50' },
  ],
  ...overrides,
});
const hangerItem = (overrides: Record<string, unknown> = {}) => ({
  sku: 'HANGER-100',
  name: 'Wooden hangers, box of 100',
  unit: 'doos',
  vatRate: '21',
  listPrice: '45.00',
  tiers: [],
  ...overrides,
});
let supplierId = '';
const contractInput = (overrides: Record<string, unknown> = {}) => ({
  supplierId,
  title: 'Kledingrekken en hangers',
  category: 'fixtures',
  validFrom: `${year}-01-01`,
  validUntil: `${year}-12-31`,
  terms: 'Delivery within 10 working days.\nFree shipping from €500.',
  tierBasis: 'ITEM_QUANTITY',
  items: [railItem(), hangerItem()],
  ...overrides,
});

const query = <Data>(document: string, token: string, variables: Record<string, unknown>) =>
  tp.query<Data>(document, { token, variables });
const createContract = async (overrides: Record<string, unknown> = {}) =>
  expectOk(await query<{ createContract: Contract }>(CONTRACT, tokens.team, { input: contractInput(overrides) }))
    .createContract;
const activate = async (id: string) =>
  expectOk(await query<{ setContractStatus: { status: string } }>(STATUS, tokens.team, { id, status: 'ACTIVE' }))
    .setContractStatus;
let keys = 0;
const order = (contractId: string, lines: { itemId: string; quantity: number }[]) => ({
  memberId: M4,
  contractId,
  idempotencyKey: `catalogue-test-${Date.now()}-${++keys}`,
  lines,
});
const auditActions = async (entityId: string) =>
  (
    await db().sql.query<{ action: string; actor_id: string }>(
      'SELECT action, actor_id FROM audit_log_entry WHERE entity_id = $1 ORDER BY at',
      [entityId],
    )
  ).map((row) => `${row.action} by ${row.actor_id}`);

beforeAll(async () => {
  const created = await query<{ createSupplier: { id: string } }>(SUPPLIER, tokens.team, { input: supplierInput() });
  supplierId = expectOk(created).createSupplier.id;
});

describe('the team builds the catalogue; a member orders from it', () => {
  let contract: Contract;
  let rail: Item;
  let hanger: Item;

  beforeAll(async () => {
    contract = await createContract();
    [hanger, rail] = nodes(contract.items) as [Item, Item];
  });

  test('a supplier: identifiers normalised, its e-mail address in lower case; audited', async () => {
    const supplier = expectOk(
      await query<{ updateSupplier: { name: string; peppolId: string } }>(UPDATE_SUPPLIER, tokens.team, {
        id: supplierId,
        input: { peppolId: '9944:nl890000001b01' },
      }),
    ).updateSupplier;
    expect(supplier).toMatchObject({ name: 'Rekken & Hangers B.V.', peppolId: '9944:NL890000001B01' });
    expect(await auditActions(supplierId)).toEqual([
      'CREATE_SUPPLIER by procurement-team',
      'UPDATE_SUPPLIER by procurement-team',
    ]);
  });

  test('a contract with its items and tiers, as a draft; audited', async () => {
    expect(contract).toMatchObject({ status: 'DRAFT', category: 'FIXTURES', tierBasis: 'ITEM_QUANTITY' });
    expect(contract.items.totalCount).toBe(2);
    expect(rail).toMatchObject({
      sku: 'RAIL-120',
      listPrice: '120.00',
      price: '120.00',
      tiers: [
        { fromQuantity: 5, unitPrice: '110.00' },
        { fromQuantity: 50, unitPrice: '99.50' },
      ],
    });
    expect(hanger).toMatchObject({ sku: 'HANGER-100', tiers: [] });
    expect(await auditActions(contract.id)).toEqual(['CREATE_CONTRACT by procurement-team']);
  });

  test('a draft is not orderable; once active the purchaser sees it and orders at the tier price', async () => {
    await expectRefusedWithoutWrites(
      db(),
      () => query(SUBMIT, tokens.buyer4, { input: order(contract.id, [{ itemId: rail.id, quantity: 1 }]) }),
      'BAD_USER_INPUT',
      'input.contractId',
    );
    expect(await activate(contract.id)).toMatchObject({ status: 'ACTIVE' });
    const seen = nodes(
      expectOk(
        await tp.query<{ procurementContracts: { edges: { node: Contract & { title: string } }[] } }>(CONTRACTS, {
          token: tokens.buyer4,
        }),
      ).procurementContracts,
    ).find((c) => c.id === contract.id);
    expect(seen).toMatchObject({ title: 'Kledingrekken en hangers', status: 'ACTIVE' });
    // 6 rails lift the sector to 6, past the tier from 5: €110.00 each; 4 boxes of hangers at list.
    // 6 × 110.00 + 4 × 45.00 = 840.00: within member 4's approval threshold of €1,000.
    const placed = expectOk(
      await query<{ submitOrder: { status: string; total: string; lines: { unitPrice: string; amount: string }[] } }>(
        SUBMIT,
        tokens.buyer4,
        {
          input: order(contract.id, [
            { itemId: rail.id, quantity: 6 },
            { itemId: hanger.id, quantity: 4 },
          ]),
        },
      ),
    ).submitOrder;
    expect(placed).toMatchObject({ status: 'APPROVED', total: '840.00' });
    expect(placed.lines.map((l) => [l.unitPrice, l.amount])).toEqual([
      ['110.00', '660.00'],
      ['45.00', '180.00'],
    ]);
  });

  test('tiers are fixed once members ordered under the contract; a new item may still be added', async () => {
    await expectRefusedWithoutWrites(
      db(),
      () => query(ITEM_TIERS, tokens.team, { itemId: rail.id, tiers: [{ fromQuantity: 5, unitPrice: '100.00' }] }),
      'CONFLICT',
    );
    const added = expectOk(
      await query<{ addContractItem: { sku: string; price: string } }>(ADD_ITEM, tokens.team, {
        contractId: contract.id,
        input: railItem({ sku: 'RAIL-150', name: 'Clothes rail, chrome, 150 cm', listPrice: '140.00', tiers: [] }),
      }),
    ).addContractItem;
    expect(added).toMatchObject({ sku: 'RAIL-150', price: '140.00' });
    await expectRefusedWithoutWrites(
      db(),
      () => query(ADD_ITEM, tokens.team, { contractId: contract.id, input: railItem({ sku: 'rail-150' }) }),
      'BAD_USER_INPUT',
      'input.sku',
    );
  });

  test('an ended contract stays ended and takes no orders', async () => {
    const ended = await createContract({ title: 'Oude rekken' });
    await activate(ended.id);
    expectOk(await query(STATUS, tokens.team, { id: ended.id, status: 'ENDED' }));
    await expectRefusedWithoutWrites(
      db(),
      () => query(STATUS, tokens.team, { id: ended.id, status: 'ACTIVE' }),
      'CONFLICT',
      'status',
    );
    await expectRefusedWithoutWrites(
      db(),
      () =>
        query(SUBMIT, tokens.buyer4, { input: order(ended.id, [{ itemId: nodes(ended.items)[0]!.id, quantity: 1 }]) }),
      'BAD_USER_INPUT',
      'input.contractId',
    );
    expect(await auditActions(ended.id)).toEqual([
      'CREATE_CONTRACT by procurement-team',
      'SET_CONTRACT_STATUS by procurement-team',
      'SET_CONTRACT_STATUS by procurement-team',
    ]);
  });
});

test('tiers of a contract nobody ordered under may change; checked as at creation', async () => {
  const draft = await createContract({ title: 'Rekken, concept' });
  const rail = nodes(draft.items).find((i) => i.sku === 'RAIL-120')!;
  const changed = expectOk(
    await query<{ setItemTiers: { tiers: unknown[] } }>(ITEM_TIERS, tokens.team, {
      itemId: rail.id,
      tiers: [{ fromQuantity: 10, unitPrice: '105.00' }],
    }),
  ).setItemTiers;
  expect(changed.tiers).toEqual([{ fromQuantity: 10, unitPrice: '105.00' }]);
  await expectRefusedWithoutWrites(
    db(),
    () =>
      query(ITEM_TIERS, tokens.team, {
        itemId: rail.id,
        tiers: [
          { fromQuantity: 10, unitPrice: '105.00' },
          { fromQuantity: 20, unitPrice: '106.00' },
        ],
      }),
    'BAD_USER_INPUT',
    'tiers.1.unitPrice',
  );
  // A CONTRACT_AMOUNT contract's tiers.
  const byAmount = await createContract({
    title: 'Rekken, op omzet',
    tierBasis: 'CONTRACT_AMOUNT',
    contractTiers: [{ fromAmount: '10000', discountPercent: '5' }],
    items: [railItem({ tiers: [] })],
  });
  const tiers = expectOk(
    await query<{ setContractTiers: { contractTiers: unknown[] } }>(CONTRACT_TIERS, tokens.team, {
      contractId: byAmount.id,
      tiers: [
        { fromAmount: '5000', discountPercent: '2.5' },
        { fromAmount: '10000', discountPercent: '5' },
      ],
    }),
  ).setContractTiers;
  expect(tiers.contractTiers).toEqual([
    { fromAmount: '5000.00', discountPercent: '2.50' },
    { fromAmount: '10000.00', discountPercent: '5.00' },
  ]);
});

test("only the association's procurement team maintains the catalogue", async () => {
  for (const token of [tokens.buyer4, tokens.admin4]) {
    await expectRefusedWithoutWrites(db(), () => query(CONTRACT_ID, token, { input: contractInput() }), 'FORBIDDEN');
    await expectRefusedWithoutWrites(
      db(),
      () => query(SUPPLIER, token, { input: supplierInput({ kvkNumber: '90000009', peppolId: '0106:90000009' }) }),
      'FORBIDDEN',
    );
  }
  expectRefused(await tp.query(STATUS, { variables: { id: UNKNOWN_ID, status: 'ACTIVE' } }), 'UNAUTHENTICATED');
});

test('a KvK number already in use is a conflict', async () => {
  await expectRefusedWithoutWrites(
    db(),
    () => query(SUPPLIER, tokens.team, { input: supplierInput({ name: 'Another B.V.' }) }),
    'CONFLICT',
  );
});

describe('refused with the field at fault, and nothing written', () => {
  test.each([
    ['a KvK number of seven digits', { kvkNumber: '9000001' }, 'input.kvkNumber'],
    ['a VAT number without B', { vatNumber: 'NL890000002X01' }, 'input.vatNumber'],
    ['a Peppol id of another KvK number', { kvkNumber: '90000002', peppolId: '0106:90000003' }, 'input.peppolId'],
    [
      'an e-mail address without domain',
      { kvkNumber: '90000002', peppolId: '0106:90000002', contactEmail: 'verkoop@' },
      'input.contactEmail',
    ],
    ['an empty name', { kvkNumber: '90000002', peppolId: '0106:90000002', name: '  ' }, 'input.name'],
  ])('a supplier with %s', async (_label, overrides, field) => {
    await expectRefusedWithoutWrites(
      db(),
      () => query(SUPPLIER, tokens.team, { input: supplierInput({ vatNumber: 'NL890000002B01', ...overrides }) }),
      'BAD_USER_INPUT',
      field,
    );
  });

  const descendingPrice = [
    { fromQuantity: 5, unitPrice: '40.00' },
    { fromQuantity: 10, unitPrice: '41.00' },
  ];
  test.each([
    ['an end before the start', () => ({ validUntil: `${year - 1}-12-31` }), 'input.validUntil'],
    ['more than five years', () => ({ validUntil: `${year + 5}-01-02` }), 'input.validUntil'],
    ['an unknown supplier', () => ({ supplierId: UNKNOWN_ID }), 'input.supplierId'],
    ['no items', () => ({ items: [] }), 'input.items'],
    ['a VAT rate of 6 %', () => ({ items: [railItem({ vatRate: '6' })] }), 'input.items.0.vatRate'],
    [
      'a list price of tenths of a cent',
      () => ({ items: [railItem({ listPrice: '120.005' })] }),
      'input.items.0.listPrice',
    ],
    ['a negative list price', () => ({ items: [hangerItem({ listPrice: '-1.00' })] }), 'input.items.0.listPrice'],
    [
      'a tier above list price',
      () => ({ items: [railItem({ tiers: [{ fromQuantity: 5, unitPrice: '120.01' }] })] }),
      'input.items.0.tiers.0.unitPrice',
    ],
    [
      'a tier from 0',
      () => ({ items: [railItem({ tiers: [{ fromQuantity: 0, unitPrice: '100.00' }] })] }),
      'input.items.0.tiers.0.fromQuantity',
    ],
    [
      'tiers not in ascending quantity',
      () => ({
        items: [
          railItem({
            tiers: [
              { fromQuantity: 50, unitPrice: '99.50' },
              { fromQuantity: 5, unitPrice: '110.00' },
            ],
          }),
        ],
      }),
      'input.items.0.tiers.1.fromQuantity',
    ],
    [
      'a higher tier dearer than a lower one, on the fourth item',
      () => ({
        items: [
          railItem(),
          hangerItem(),
          hangerItem({ sku: 'HANGER-50' }),
          hangerItem({ sku: 'HANGER-200', tiers: descendingPrice }),
        ],
      }),
      'input.items.3.tiers.1.unitPrice',
    ],
    ['a SKU twice', () => ({ items: [railItem(), railItem({ sku: 'rail-120' })] }), 'input.items.1.sku'],
    [
      'more than 10 tiers on an item',
      () => ({
        items: [
          railItem({
            tiers: Array.from({ length: 11 }, (_, i) => ({ fromQuantity: i + 1, unitPrice: '100.00' })),
          }),
        ],
      }),
      'input.items.0.tiers',
    ],
    [
      'more than 300 items',
      () => ({ items: Array.from({ length: 301 }, (_, i) => hangerItem({ sku: `H-${i}` })) }),
      'input.items',
    ],
    [
      'contract tiers on a per-item contract',
      () => ({ contractTiers: [{ fromAmount: '1000', discountPercent: '2' }] }),
      'input.contractTiers',
    ],
    [
      'a discount of more than 100 %',
      () => ({
        tierBasis: 'CONTRACT_AMOUNT',
        contractTiers: [{ fromAmount: '1000', discountPercent: '101' }],
        items: [hangerItem()],
      }),
      'input.contractTiers.0.discountPercent',
    ],
    ['a line break in the title', () => ({ title: 'Rekken\nen hangers' }), 'input.title'],
  ])('a contract with %s', async (_label, overrides, field) => {
    await expectRefusedWithoutWrites(
      db(),
      () => query(CONTRACT_ID, tokens.team, { input: contractInput(overrides()) }),
      'BAD_USER_INPUT',
      field,
    );
  });
});
