import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { gql, useMutation, useQuery } from 'urql';
import { employerOf, useAuth } from '../auth';
import { dateTime, money, period } from '../format';
import { PayslipButton } from '../PayslipButton';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const RUNS = gql`
  query PayrollRuns($memberId: ID!) {
    payrollRuns(memberId: $memberId, first: 24) {
      edges {
        node {
          id
          period
          status
          compliant
          calculatedAt
        }
      }
    }
  }
`;

const CALCULATE = gql`
  mutation CalculatePayrollRun($memberId: ID!, $year: Int!, $month: Int!) {
    calculatePayrollRun(memberId: $memberId, year: $year, month: $month) {
      id
      period
      status
      compliant
      calculatedAt
    }
  }
`;

const RUN = gql`
  query PayrollRun($id: ID!, $memberId: ID!) {
    payrollRun(id: $id) {
      id
      period
      status
      compliant
      calculatedAt
      approvedAt
      paidAt
      signalTotals {
        code
        count
        amount
      }
      payslips(first: 100) {
        totalCount
        edges {
          node {
            id
            employeeId
            gross
            net
            compliant
            warnings
            compliance {
              code
              ok
              message
            }
          }
        }
      }
    }
    employees(memberId: $memberId, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

const APPROVE = gql`
  mutation ApprovePayrollRun($id: ID!) {
    approvePayrollRun(id: $id) {
      id
      status
      approvedAt
    }
  }
`;

const PAY = gql`
  mutation MarkPayrollRunPaid($id: ID!) {
    markPayrollRunPaid(id: $id) {
      id
      status
      paidAt
    }
  }
`;

interface RunRow {
  id: string;
  period: string;
  status: string;
  compliant: boolean;
  calculatedAt: string;
}

export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={status === 'PAID' ? 'green.9' : status === 'APPROVED' ? '#1d4f91' : '#9c3d00'}>
      {t(`runStatus.${status}`)}
    </Badge>
  );
}

/** While a run is calculated (seconds for a large member): a bar and the seconds passed, announced. */
function Calculating() {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  const interval = useInterval(() => setSeconds((s) => s + 1), 1000, { autoInvoke: true });
  void interval;
  return (
    <Card withBorder data-testid="payroll-progress">
      <Stack gap="xs">
        <Text role="status" aria-live="polite">
          {t('payroll.calculating', { seconds })}
        </Text>
        <Progress.Root size="lg">
          <Progress.Section value={100} striped animated aria-label={t('payroll.calculatingLabel')} />
        </Progress.Root>
      </Stack>
    </Card>
  );
}

export function PayrollPage() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const navigate = useNavigate();
  const memberId = employerOf(session);
  const now = new Date();
  const [year, setYear] = useState<number>(now.getFullYear());
  const [month, setMonth] = useState<string>(String(now.getMonth() + 1));
  const [{ data, error, fetching }] = useQuery<{ payrollRuns: { edges: { node: RunRow }[] } }>({
    query: RUNS,
    variables: { memberId },
    requestPolicy: 'cache-and-network',
  });
  const [calculation, calculate] = useMutation<{ calculatePayrollRun: RunRow }>(CALCULATE);
  const runs = nodes(data?.payrollRuns);
  const months = Array.from({ length: 12 }, (_, index) => ({
    value: String(index + 1),
    label: period(`2000-${String(index + 1).padStart(2, '0')}`, i18n.language).replace(/\s*2000$/, ''),
  }));

  const start = async () => {
    const result = await calculate({ memberId, year, month: Number(month) });
    if (result.data?.calculatePayrollRun) void navigate(`/salaris/${result.data.calculatePayrollRun.id}`);
  };

  return (
    <Page title={t('payroll.title')}>
      <Card withBorder component="section" aria-labelledby="start-run">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <Stack>
            <Title order={2} size="h3" id="start-run">
              {t('payroll.start')}
            </Title>
            <Text size="sm">{t('payroll.startIntro')}</Text>
            <Group align="flex-end">
              <Select
                label={t('payroll.month')}
                data={months}
                value={month}
                onChange={(v) => v && setMonth(v)}
                allowDeselect={false}
                w={180}
              />
              <NumberInput
                label={t('payroll.year')}
                value={year}
                min={2024}
                max={2100}
                allowDecimal={false}
                onChange={(v) => typeof v === 'number' && setYear(v)}
                w={120}
              />
              <Button type="submit" loading={calculation.fetching}>
                {t('payroll.calculate')}
              </Button>
            </Group>
            {calculation.fetching && <Calculating />}
            <ErrorNotice error={calculation.error} title={t('payroll.notCalculated')} />
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h3">
        {t('payroll.runs')}
      </Title>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {data && runs.length === 0 && <Text>{t('payroll.noRuns')}</Text>}
      {runs.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="payroll-runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('payroll.period')}</Table.Th>
                <Table.Th scope="col">{t('payroll.status')}</Table.Th>
                <Table.Th scope="col">{t('payroll.checks')}</Table.Th>
                <Table.Th scope="col">{t('payroll.calculatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/salaris/${run.id}`}>
                      {period(run.period, i18n.language)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <RunStatusBadge status={run.status} />
                  </Table.Td>
                  <Table.Td>{run.compliant ? t('payroll.allOk') : t('payroll.notAllOk')}</Table.Td>
                  <Table.Td>{dateTime(run.calculatedAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Page>
  );
}

interface RunDetail extends RunRow {
  approvedAt: string | null;
  paidAt: string | null;
  signalTotals: { code: string; count: number; amount: string }[];
  payslips: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        employeeId: string;
        gross: string;
        net: string;
        compliant: boolean;
        warnings: string[];
        compliance: { code: string; ok: boolean; message: string }[];
      };
    }[];
  };
}

export function PayrollRunPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useAuth();
  const memberId = employerOf(session);
  const [{ data, error, fetching }] = useQuery<{
    payrollRun: RunDetail;
    employees: { edges: { node: { id: string; name: string } }[] };
  }>({ query: RUN, variables: { id, memberId } });
  const [approval, approve] = useMutation(APPROVE);
  const [payment, pay] = useMutation(PAY);
  const run = data?.payrollRun;
  const names = new Map(nodes(data?.employees).map((employee) => [employee.id, employee.name]));
  const slips = nodes(run?.payslips);
  const failing = slips.flatMap((slip) =>
    slip.compliance.filter((check) => !check.ok).map((check) => ({ slip, check })),
  );
  const notes = [...new Set(slips.flatMap((slip) => slip.warnings))];

  return (
    <Page title={run ? t('payroll.runTitle', { period: period(run.period, lang) }) : t('payroll.runTitleLoading')}>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {run && (
        <Stack>
          <Group>
            <span data-testid="run-status">
              <RunStatusBadge status={run.status} />
            </span>
            <Text>{t('payroll.slipCount', { count: run.payslips.totalCount })}</Text>
          </Group>
          <Card withBorder component="section" aria-labelledby="checks" data-testid="run-checks">
            <Stack gap="xs">
              <Title order={2} size="h3" id="checks">
                {t('payroll.checksTitle')}
              </Title>
              {failing.length === 0 ? (
                <Alert color="green.9" variant="outline">
                  {t('payroll.compliantText', { count: slips.length })}
                </Alert>
              ) : (
                <Alert color="#b02a21" variant="outline" title={t('payroll.notCompliantTitle')}>
                  <List>
                    {failing.map(({ slip, check }) => (
                      <List.Item key={`${slip.id}-${check.code}`}>
                        {names.get(slip.employeeId) ?? t('payroll.anEmployee')}:{' '}
                        {t(`compliance.${check.code}`, { defaultValue: check.message })}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {run.signalTotals.length > 0 && (
                <List>
                  {run.signalTotals.map((signal) => (
                    <List.Item key={signal.code}>
                      {t(`signals.${signal.code}`, {
                        count: signal.count,
                        amount: money(signal.amount, lang),
                        defaultValue: `${signal.code}: ${signal.count}`,
                      })}
                    </List.Item>
                  ))}
                </List>
              )}
              {notes.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('payroll.notes')}
                  </Text>
                  <List size="sm">
                    {notes.map((note) => (
                      <List.Item key={note}>{note}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          </Card>
          <Group>
            {run.status === 'CALCULATED' && (
              <Button onClick={() => void approve({ id })} loading={approval.fetching} disabled={!run.compliant}>
                {t('payroll.approve')}
              </Button>
            )}
            {run.status === 'APPROVED' && (
              <Button onClick={() => void pay({ id })} loading={payment.fetching}>
                {t('payroll.markPaid')}
              </Button>
            )}
          </Group>
          <ErrorNotice error={approval.error} title={t('payroll.notApproved')} />
          <ErrorNotice error={payment.error} />
          <Title order={2} size="h3">
            {t('payroll.payslips')}
          </Title>
          {run.payslips.totalCount > slips.length && (
            <Text size="sm">{t('payroll.firstOf', { shown: slips.length, count: run.payslips.totalCount })}</Text>
          )}
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="run-payslips">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('employees.name')}</Table.Th>
                  <Table.Th scope="col">{t('payroll.gross')}</Table.Th>
                  <Table.Th scope="col">{t('payroll.net')}</Table.Th>
                  <Table.Th scope="col">{t('payroll.checks')}</Table.Th>
                  <Table.Th scope="col">{t('payroll.pdf')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {slips.map((slip) => {
                  const name = names.get(slip.employeeId) ?? t('payroll.anEmployee');
                  return (
                    <Table.Tr key={slip.id}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{money(slip.gross, lang)}</Table.Td>
                      <Table.Td>{money(slip.net, lang)}</Table.Td>
                      <Table.Td>{slip.compliant ? t('payroll.ok') : t('payroll.notOk')}</Table.Td>
                      <Table.Td>
                        <PayslipButton id={slip.id} label={t('payroll.pdfOf', { name })} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          <Text size="sm">
            {t('payroll.calculatedAt')}: {dateTime(run.calculatedAt, lang)}
            {run.approvedAt && ` · ${t('payroll.approvedAt')}: ${dateTime(run.approvedAt, lang)}`}
            {run.paidAt && ` · ${t('payroll.paidAt')}: ${dateTime(run.paidAt, lang)}`}
          </Text>
          <Anchor component={Link} to="/salaris">
            {t('payroll.back')}
          </Anchor>
        </Stack>
      )}
    </Page>
  );
}
