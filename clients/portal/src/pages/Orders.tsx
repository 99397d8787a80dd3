import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { gql, useMutation, useQuery } from 'urql';
import { useAuth } from '../auth';
import { date, dateTime, money } from '../format';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const ORDERS = gql`
  query Orders($memberId: ID!) {
    orders(memberId: $memberId, first: 50) {
      totalCount
      edges {
        node {
          id
          status
          orderDate
          total
          contract {
            id
            title
          }
        }
      }
    }
  }
`;

const ORDER = gql`
  query Order($id: ID!) {
    order(id: $id) {
      id
      status
      orderDate
      total
      vatTotal
      listTotal
      savings
      submittedAt
      decidedAt
      approvalReason
      rejectReason
      orderedAt
      expectedOn
      deliveredOn
      closedAt
      contract {
        id
        title
        supplier {
          id
          name
        }
      }
      lines {
        id
        quantity
        unitPrice
        listPrice
        amount
        item {
          id
          name
          unit
        }
      }
    }
  }
`;

const APPROVE = gql`
  mutation ApproveOrder($id: ID!) {
    approveOrder(id: $id) {
      id
      status
      decidedAt
      approvalReason
    }
  }
`;

const REJECT = gql`
  mutation RejectOrder($id: ID!, $reason: String!) {
    rejectOrder(id: $id, reason: $reason) {
      id
      status
      decidedAt
      rejectReason
    }
  }
`;

interface OrderRow {
  id: string;
  status: string;
  orderDate: string;
  total: string;
  contract: { title: string };
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = ['REJECTED', 'CANCELLED'].includes(status) ? '#b02a21' : status === 'SUBMITTED' ? '#9c3d00' : 'green.9';
  return (
    <Badge variant="filled" color={color}>
      {t(`orderStatus.${status}`)}
    </Badge>
  );
}

export function OrdersPage() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const [{ data, error, fetching }] = useQuery<{ orders: { totalCount: number; edges: { node: OrderRow }[] } }>({
    query: ORDERS,
    variables: { memberId: session!.memberId },
    requestPolicy: 'cache-and-network',
  });
  const orders = nodes(data?.orders);
  return (
    <Page title={t('orders.title')}>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {data && orders.length === 0 && <Text>{t('orders.none')}</Text>}
      {orders.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="orders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('orders.date')}</Table.Th>
                <Table.Th scope="col">{t('orders.contract')}</Table.Th>
                <Table.Th scope="col">{t('orders.total')}</Table.Th>
                <Table.Th scope="col">{t('orders.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/bestellingen/${order.id}`}>
                      {date(order.orderDate, i18n.language)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{order.contract.title}</Table.Td>
                  <Table.Td>{money(order.total, i18n.language)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={order.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Page>
  );
}

const FLOW = ['SUBMITTED', 'APPROVED', 'ORDERED', 'DELIVERED', 'INVOICED', 'CLOSED'];

interface OrderDetail extends OrderRow {
  vatTotal: string;
  listTotal: string;
  savings: string;
  submittedAt: string;
  decidedAt: string | null;
  approvalReason: string | null;
  rejectReason: string | null;
  orderedAt: string | null;
  expectedOn: string | null;
  deliveredOn: string | null;
  closedAt: string | null;
  contract: { title: string; supplier: { name: string } };
  lines: {
    id: string;
    quantity: number;
    unitPrice: string;
    listPrice: string;
    amount: string;
    item: { name: string; unit: string };
  }[];
}

export function OrderPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { hasRole } = useAuth();
  const [{ data, error, fetching }] = useQuery<{ order: OrderDetail }>({ query: ORDER, variables: { id } });
  const [approval, approve] = useMutation(APPROVE);
  const [rejection, reject] = useMutation(REJECT);
  const [asking, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const order = data?.order;
  const decidable = order?.status === 'SUBMITTED' && hasRole('member-approver');
  const step = order ? FLOW.indexOf(order.status) : -1;

  const confirmReject = async () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    const result = await reject({ id, reason: reason.trim() });
    if (!result.error) close();
  };

  return (
    <Page title={t('orders.orderTitle')}>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {order && (
        <Stack>
          <Group>
            <Text>
              {order.contract.title} — {order.contract.supplier.name}
            </Text>
            <span data-testid="order-status">
              <StatusBadge status={order.status} />
            </span>
          </Group>
          {step >= 0 ? (
            <Stepper active={step} size="sm" aria-label={t('orders.progress')} allowNextStepsSelect={false}>
              {FLOW.map((status) => (
                <Stepper.Step key={status} label={t(`orderStatus.${status}`)} />
              ))}
            </Stepper>
          ) : (
            <Alert color="#b02a21" variant="outline" title={t(`orderStatus.${order.status}`)}>
              {order.rejectReason ? t('orders.rejectedBecause', { reason: order.rejectReason }) : t('orders.stopped')}
            </Alert>
          )}
          {order.approvalReason && <Text>{t('orders.needsApproval', { reason: order.approvalReason })}</Text>}
          <Card withBorder>
            <Stack gap={4}>
              <Text>
                {t('orders.total')}: <strong>{money(order.total, lang)}</strong> ({t('orders.vat')}{' '}
                {money(order.vatTotal, lang)})
              </Text>
              <Text>
                {t('orders.listTotal')}: {money(order.listTotal, lang)} · {t('orders.savings')}:{' '}
                <strong>{money(order.savings, lang)}</strong>
              </Text>
              <Text size="sm">
                {t('orders.submittedAt')}: {dateTime(order.submittedAt, lang)}
                {order.decidedAt && ` · ${t('orders.decidedAt')}: ${dateTime(order.decidedAt, lang)}`}
                {order.expectedOn && ` · ${t('orders.expectedOn')}: ${date(order.expectedOn, lang)}`}
              </Text>
            </Stack>
          </Card>
          <Title order={2} size="h3">
            {t('orders.lines')}
          </Title>
          <div className="table-scroll">
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('catalog.item')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.quantity')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.sectorPrice')}</Table.Th>
                  <Table.Th scope="col">{t('catalog.listPrice')}</Table.Th>
                  <Table.Th scope="col">{t('orders.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.lines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>{line.item.name}</Table.Td>
                    <Table.Td>
                      {line.quantity} {line.item.unit}
                    </Table.Td>
                    <Table.Td>{money(line.unitPrice, lang)}</Table.Td>
                    <Table.Td>{money(line.listPrice, lang)}</Table.Td>
                    <Table.Td>{money(line.amount, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {decidable && (
            <Group>
              <Button onClick={() => void approve({ id })} loading={approval.fetching}>
                {t('orders.approve')}
              </Button>
              <Button variant="outline" color="#b02a21" onClick={open}>
                {t('orders.reject')}
              </Button>
            </Group>
          )}
          <ErrorNotice error={approval.error ?? rejection.error} />
          <Anchor component={Link} to="/bestellingen">
            {t('orders.back')}
          </Anchor>
        </Stack>
      )}
      <Modal
        opened={asking}
        onClose={close}
        title={t('orders.rejectTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {/* Our own message at the field instead of the browser's bubble: noValidate. */}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void confirmReject();
          }}
        >
          <Stack>
            <Textarea
              label={t('orders.reason')}
              description={t('orders.reasonHelp')}
              required
              autosize
              minRows={3}
              value={reason}
              error={reasonMissing ? t('orders.reasonMissing') : undefined}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonMissing(false);
              }}
            />
            <ErrorNotice error={rejection.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="#b02a21" loading={rejection.fetching}>
                {t('orders.confirmReject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Page>
  );
}
