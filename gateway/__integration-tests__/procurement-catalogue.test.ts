import { tokenOf } from './testkit/actors';
import { expectOk, expectRefusedWithoutWrites } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1 } from './testkit/ids';
import {
  ADD_ITEM,
  catalogueDriver,
  CONTRACT_TIERS,
  CONTRACTS,
  ITEM_TIERS,
  M4,
  order,
  railItem,
  STATUS,
  SUBMIT,
  UPDATE_SUPPLIER,
  type Contract,
  type Item,
} from './testkit/procurement-catalogue';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// The catalogue's upkeep through the real gateway: the association's procurement team adds a
// supplier and a framework contract with items and tiers; once it is active a member's purchaser
// sees it and orders from it at the tier the sector reaches; a draft is not orderable; tiers are
// fixed once members ordered under them, and may change before. Who may maintain it and bad input
// refused with its field: procurement-catalogue-refusals.test.ts.
const tp = usePlatform();

const tokens = useTokens({
  team: () => tokenOf('association-procurement', M1, 'procurement-team'),
  buyer4: () => tokenOf('member-purchaser', M4, 'buyer-4'),
});
const { db, query, createContract, activate, auditActions, supplierId } = catalogueDriver(tp, () => tokens.team);

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
        id: supplierId(),
        input: { peppolId: '9944:nl890000001b01' },
      }),
    ).updateSupplier;
    expect(supplier).toMatchObject({ name: 'Rekken & Hangers B.V.', peppolId: '9944:NL890000001B01' });
    expect(await auditActions(supplierId())).toEqual([
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
