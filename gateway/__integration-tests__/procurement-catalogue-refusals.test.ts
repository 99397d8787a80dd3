import { tokenOf } from './testkit/actors';
import { expectRefused, expectRefusedWithoutWrites } from './testkit/expect';
import { M1, UNKNOWN_ID } from './testkit/ids';
import {
  catalogueDriver,
  CONTRACT_ID,
  hangerItem,
  M4,
  railItem,
  STATUS,
  SUPPLIER,
  supplierInput,
  year,
} from './testkit/procurement-catalogue';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// The catalogue's upkeep through the real gateway, refused: only the association's procurement
// team maintains it; a KvK number already in use is a conflict; a bad supplier or contract is
// refused with the field at fault and writes nothing. The catalogue built and ordered from:
// procurement-catalogue.test.ts.
const tp = usePlatform();

const tokens = useTokens({
  team: () => tokenOf('association-procurement', M1, 'procurement-team'),
  buyer4: () => tokenOf('member-purchaser', M4, 'buyer-4'),
  admin4: () => tokenOf('member-admin', M4, 'admin-4'),
});
const { db, query, contractInput } = catalogueDriver(tp, () => tokens.team);

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
