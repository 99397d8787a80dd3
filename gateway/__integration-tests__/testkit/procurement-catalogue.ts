import { expectOk } from './expect';
import { memberId } from './ids';
import type { TestPlatform } from './platform';

/*
 * What the catalogue tests share (procurement-catalogue*.test.ts): the catalogue mutations, a
 * supplier and a contract with a rail (tiers from 5 and 50) and a box of hangers (no tiers) as
 * valid input to vary, and a driver that creates the supplier before the file's first test and
 * sends the mutations as the association's procurement team. Member 4 orders from the catalogue.
 */

export const M4 = memberId(4);

export const SUPPLIER = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id name kvkNumber vatNumber peppolId contactEmail } }`;
export const UPDATE_SUPPLIER = `mutation($id: ID!, $input: UpdateSupplierInput!) { updateSupplier(id: $id, input: $input) { id name peppolId } }`;
export const CONTRACT_FIELDS = `id title category status tierBasis validFrom validUntil supplier { name }
  contractTiers { fromAmount discountPercent }
  items(first: 50) { totalCount edges { node { id sku name unit vatRate listPrice price tiers { fromQuantity unitPrice } } } }`;
export const CONTRACT = `mutation($input: CreateContractInput!) { createContract(input: $input) { ${CONTRACT_FIELDS} } }`;
/** What a refusal test sends: the input is what is tested (a long list times a large answer would cost too much). */
export const CONTRACT_ID = `mutation($input: CreateContractInput!) { createContract(input: $input) { id } }`;
export const STATUS = `mutation($id: ID!, $status: ContractStatus!) { setContractStatus(id: $id, status: $status) { id status } }`;
export const ADD_ITEM = `mutation($contractId: ID!, $input: ContractItemInput!) { addContractItem(contractId: $contractId, input: $input) { id sku price } }`;
export const ITEM_TIERS = `mutation($itemId: ID!, $tiers: [PriceTierInput!]!) { setItemTiers(itemId: $itemId, tiers: $tiers) { id tiers { fromQuantity unitPrice } } }`;
export const CONTRACT_TIERS = `mutation($contractId: ID!, $tiers: [ContractTierInput!]!) { setContractTiers(contractId: $contractId, tiers: $tiers) { id contractTiers { fromAmount discountPercent } } }`;
export const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status total lines { item { id } quantity unitPrice amount } } }`;
export const CONTRACTS = `query { procurementContracts(first: 50) { edges { node { id title status items(first: 10) { edges { node { id sku price } } } } } } }`;

export interface Item {
  id: string;
  sku: string;
  price: string;
  listPrice: string;
  tiers: { fromQuantity: number; unitPrice: string }[];
}
export interface Contract {
  id: string;
  status: string;
  category: string;
  items: { totalCount: number; edges: { node: Item }[] };
}

export const year = new Date().getUTCFullYear();
export const supplierInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rekken & Hangers B.V.',
  kvkNumber: '90000001',
  vatNumber: 'NL890000001B01',
  peppolId: '0106:90000001',
  contactName: 'Sanne Bakker',
  contactEmail: 'Verkoop@Rekken.example',
  ...overrides,
});
export const railItem = (overrides: Record<string, unknown> = {}) => ({
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
export const hangerItem = (overrides: Record<string, unknown> = {}) => ({
  sku: 'HANGER-100',
  name: 'Wooden hangers, box of 100',
  unit: 'doos',
  vatRate: '21',
  listPrice: '45.00',
  tiers: [],
  ...overrides,
});

let keys = 0;
/** An order of member 4 from `contractId`, under a key no other test uses. */
export const order = (contractId: string, lines: { itemId: string; quantity: number }[]) => ({
  memberId: M4,
  contractId,
  idempotencyKey: `catalogue-test-${process.pid}-${Date.now()}-${++keys}`,
  lines,
});

/**
 * The catalogue on a running platform: creates the supplier (`supplierInput()`) before the file's
 * first test, as `team()`, whose token must be signed by then (`useTokens` above this call).
 */
export function catalogueDriver(tp: TestPlatform, team: () => string) {
  let supplierId = '';
  const db = () => tp.platform.subgraphs['procurement']!.database;
  const query = <Data>(document: string, token: string, variables: Record<string, unknown>) =>
    tp.query<Data>(document, { token, variables });
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
  beforeAll(async () => {
    const created = await query<{ createSupplier: { id: string } }>(SUPPLIER, team(), { input: supplierInput() });
    supplierId = expectOk(created).createSupplier.id;
  });
  return {
    db,
    query,
    contractInput,
    supplierId: () => supplierId,
    createContract: async (overrides: Record<string, unknown> = {}) =>
      expectOk(await query<{ createContract: Contract }>(CONTRACT, team(), { input: contractInput(overrides) }))
        .createContract,
    activate: async (id: string) =>
      expectOk(await query<{ setContractStatus: { status: string } }>(STATUS, team(), { id, status: 'ACTIVE' }))
        .setContractStatus,
    auditActions: async (entityId: string) =>
      (
        await db().sql.query<{ action: string; actor_id: string }>(
          'SELECT action, actor_id FROM audit_log_entry WHERE entity_id = $1 ORDER BY at',
          [entityId],
        )
      ).map((row) => `${row.action} by ${row.actor_id}`),
  };
}
