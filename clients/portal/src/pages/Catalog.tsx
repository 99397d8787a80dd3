import { Alert, Button, Card, Group, NumberInput, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { gql, useMutation, useQuery } from 'urql';
import { useAuth } from '../auth';
import { money } from '../format';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const CONTRACTS = gql`
  query Contracts {
    procurementContracts(first: 100) {
      edges {
        node {
          id
          title
          category
          validUntil
          supplier {
            id
            name
          }
        }
      }
    }
  }
`;

const CONTRACT_ITEMS = gql`
  query ContractItems($id: ID!) {
    procurementContract(id: $id) {
      id
      title
      items(first: 100) {
        edges {
          node {
            id
            sku
            name
            unit
            listPrice
            price
            savingPerUnit
            sectorQuantity
            nextTier {
              from
              unitPrice
              remaining
            }
          }
        }
      }
    }
  }
`;

const SUBMIT_ORDER = gql`
  mutation SubmitOrder($input: SubmitOrderInput!) {
    submitOrder(input: $input) {
      id
      status
      total
      listTotal
      savings
    }
  }
`;

interface Item {
  id: string;
  sku: string;
  name: string;
  unit: string;
  listPrice: string;
  price: string;
  savingPerUnit: string;
  sectorQuantity: number;
  nextTier: { from: string; unitPrice: string; remaining: string } | null;
}

/** "4.95" → 495n: cents as an exact integer. */
const cents = (amount: string) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole!) * 100n + BigInt((fraction + '00').slice(0, 2)) * (whole!.startsWith('-') ? -1n : 1n);
};
const fromCents = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** The sector's way to the item's next tier, as a small bar chart. */
function TierProgress({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  if (!item.nextTier) return <Text size="sm">{t('catalog.topTier')}</Text>;
  const remaining = Number(item.nextTier.remaining);
  const reached = item.sectorQuantity;
  const share = reached + remaining > 0 ? Math.round((reached / (reached + remaining)) * 100) : 0;
  const label = t('catalog.toNextTier', {
    remaining: item.nextTier.remaining,
    price: money(item.nextTier.unitPrice, i18n.language),
    unit: item.unit,
  });
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section value={share} color="green.8" aria-label={label} />
      </Progress.Root>
      <Text size="xs">{label}</Text>
    </Stack>
  );
}

export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useAuth();
  const navigate = useNavigate();
  const [contractId, setContractId] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [contracts] = useQuery<{
    procurementContracts: {
      edges: { node: { id: string; title: string; category: string; supplier: { name: string } } }[];
    };
  }>({ query: CONTRACTS });
  const [items] = useQuery<{ procurementContract: { id: string; title: string; items: { edges: { node: Item }[] } } }>({
    query: CONTRACT_ITEMS,
    variables: { id: contractId },
    pause: !contractId,
    // Other members' orders move the sector's tiers: show the cached figures, then the current ones.
    requestPolicy: 'cache-and-network',
  });
  const [submitted, submit] = useMutation<{ submitOrder: { id: string; status: string } }>(SUBMIT_ORDER);
  const list = contractId ? nodes(items.data?.procurementContract?.items) : [];
  const lines = list.filter((item) => (quantities[item.id] ?? 0) > 0);
  const estimate = useMemo(
    () => lines.reduce((sum, item) => sum + cents(item.price) * BigInt(quantities[item.id] ?? 0), 0n),
    [lines, quantities],
  );

  const place = async () => {
    const result = await submit({
      input: {
        memberId: session!.memberId,
        contractId,
        idempotencyKey,
        lines: lines.map((item) => ({ itemId: item.id, quantity: quantities[item.id] })),
      },
    });
    if (result.data?.submitOrder) void navigate(`/bestellingen/${result.data.submitOrder.id}`);
  };

  return (
    <Page title={t('catalog.title')}>
      <Text>{t('catalog.intro')}</Text>
      <ErrorNotice error={contracts.error} />
      {contracts.fetching && !contracts.data ? (
        <Loading />
      ) : (
        <Select
          label={t('catalog.contract')}
          placeholder={t('catalog.pickContract')}
          data={nodes(contracts.data?.procurementContracts).map((contract) => ({
            value: contract.id,
            label: `${contract.title} — ${contract.supplier.name}`,
          }))}
          value={contractId}
          onChange={(value) => {
            setContractId(value);
            setQuantities({});
          }}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
        />
      )}
      <ErrorNotice error={items.error} />
      {contractId && items.fetching && <Loading />}
      {list.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void place();
          }}
        >
          <Stack>
            <Title order={2} size="h3">
              {t('catalog.items')}
            </Title>
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="catalog-items">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('catalog.item')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.listPrice')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.sectorPrice')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.saving')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.progress')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.quantity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((item) => (
                    <Table.Tr key={item.id} data-testid={`item-${item.sku}`}>
                      <Table.Td>
                        <Text fw={600}>{item.name}</Text>
                        <Text size="xs">
                          {item.sku} · {item.unit}
                        </Text>
                      </Table.Td>
                      <Table.Td>{money(item.listPrice, lang)}</Table.Td>
                      <Table.Td>{money(item.price, lang)}</Table.Td>
                      <Table.Td>{money(item.savingPerUnit, lang)}</Table.Td>
                      <Table.Td miw={160}>
                        <TierProgress item={item} />
                      </Table.Td>
                      <Table.Td miw={110}>
                        <NumberInput
                          label={t('catalog.quantityOf', { name: item.name })}
                          labelProps={{ className: 'visually-hidden' }}
                          min={0}
                          max={100000}
                          allowDecimal={false}
                          allowNegative={false}
                          value={quantities[item.id] ?? 0}
                          onChange={(value) =>
                            setQuantities((current) => ({
                              ...current,
                              [item.id]: typeof value === 'number' ? value : 0,
                            }))
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <Card withBorder>
              <Group justify="space-between">
                <Text>{t('catalog.estimate', { count: lines.length, amount: money(fromCents(estimate), lang) })}</Text>
                <Button type="submit" disabled={lines.length === 0} loading={submitted.fetching}>
                  {t('catalog.submit')}
                </Button>
              </Group>
            </Card>
            <ErrorNotice error={submitted.error} title={t('catalog.notPlaced')} />
            {lines.length === 0 && <Alert variant="light">{t('catalog.addQuantities')}</Alert>}
          </Stack>
        </form>
      )}
    </Page>
  );
}
