import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { gql, useQuery } from 'urql';
import { useAuth } from '../auth';
import { date, money, period } from '../format';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

// The member overview is ONE federated request on the member: the members directory (name,
// Keurmerk), procurement (orders, spend), HR/payroll (the last run) and the Academy (enrolments,
// budget). Each section is a nullable field of the member, so a service that is down empties its
// own section only; the notice above the tiles says which part is missing.
// Sections the caller's role may not see are left out of the request (@include), not refused.
export const MEMBER_OVERVIEW = gql`
  query MemberOverview($memberId: ID!, $year: Int!, $procurement: Boolean!, $hr: Boolean!) {
    member(id: $memberId) {
      id
      name
      city
      keurmerk {
        status
        lastAuditOn
        nextAuditDue
      }
      orders(first: 100) @include(if: $procurement) {
        totalCount
        edges {
          node {
            id
            status
            total
          }
        }
      }
      procurementSpend(year: $year) @include(if: $procurement) {
        year
        orders
        spend
        savings
      }
      trainingBudget(year: $year) @include(if: $hr) {
        year
        granted
        reserved
        spent
        available
      }
      enrolments(first: 100) @include(if: $hr) {
        totalCount
        edges {
          node {
            id
            status
          }
        }
      }
      payrollRuns(first: 1) @include(if: $hr) {
        edges {
          node {
            id
            period
            status
            compliant
          }
        }
      }
    }
  }
`;

interface OverviewData {
  member: {
    id: string;
    name: string;
    city: string;
    keurmerk: { status: string; lastAuditOn: string | null; nextAuditDue: string | null };
    orders?: { totalCount: number; edges: { node: { id: string; status: string; total: string } }[] } | null;
    procurementSpend?: { year: number; orders: number; spend: string; savings: string } | null;
    trainingBudget?: { year: number; granted: string; reserved: string; spent: string; available: string } | null;
    enrolments?: { totalCount: number; edges: { node: { id: string; status: string } }[] } | null;
    payrollRuns?: { edges: { node: { id: string; period: string; status: string; compliant: boolean } }[] } | null;
  } | null;
}

const OPEN_ORDER = ['SUBMITTED', 'APPROVED', 'ORDERED', 'DELIVERED', 'INVOICED'];
const ACTIVE_ENROLMENT = ['REQUESTED', 'ENROLLED', 'WAITLISTED'];

function Tile({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm">{label}</Text>
      <Text fw={600}>{value}</Text>
    </Group>
  );
}

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { session, hasRole } = useAuth();
  const year = new Date().getFullYear();
  const procurement = hasRole('member-purchaser', 'member-approver');
  const hr = hasRole('member-hr');
  const started = useRef(performance.now());
  const [loadedIn, setLoadedIn] = useState<number | null>(null);
  const [{ data, error, fetching }] = useQuery<OverviewData>({
    query: MEMBER_OVERVIEW,
    variables: { memberId: session!.memberId, year, procurement, hr },
    pause: !session?.memberId,
  });
  useEffect(() => {
    if (data && loadedIn === null) {
      const ms = Math.round(performance.now() - started.current);
      setLoadedIn(ms);
      performance.mark('member-overview-loaded');
    }
  }, [data, loadedIn]);

  const member = data?.member;
  const lang = i18n.language;
  const openOrders = nodes(member?.orders).filter((order) => OPEN_ORDER.includes(order.status));
  const activeEnrolments = nodes(member?.enrolments).filter((e) => ACTIVE_ENROLMENT.includes(e.status));
  const lastRun = nodes(member?.payrollRuns)[0];

  return (
    <Page title={member ? t('overview.titleOf', { name: member.name }) : t('overview.title')}>
      {fetching && !data && <Loading />}
      <ErrorNotice error={error} />
      {member && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="member-overview" data-loaded-ms={loadedIn ?? undefined}>
          <Tile title={t('overview.keurmerk')} testId="tile-keurmerk">
            <Group gap="xs">
              <Badge variant="filled" color={member.keurmerk.status === 'CERTIFIED' ? 'green' : '#9c3d00'}>
                {t(`keurmerk.${member.keurmerk.status}`)}
              </Badge>
            </Group>
            <Figure label={t('overview.lastAudit')} value={date(member.keurmerk.lastAuditOn, lang)} />
            <Figure label={t('overview.nextAudit')} value={date(member.keurmerk.nextAuditDue, lang)} />
          </Tile>
          {procurement && (
            <Tile title={t('overview.procurement')} testId="tile-procurement">
              {member.orders === null || member.procurementSpend === null ? (
                <Text>{t('overview.unavailable')}</Text>
              ) : (
                <>
                  <Figure label={t('overview.openOrders')} value={String(openOrders.length)} />
                  <Figure
                    label={t('overview.spendThisYear', { year })}
                    value={money(member.procurementSpend?.spend, lang)}
                  />
                  <Figure label={t('overview.savingsThisYear')} value={money(member.procurementSpend?.savings, lang)} />
                </>
              )}
              <Anchor component={Link} to="/bestellingen">
                {t('overview.toOrders')}
              </Anchor>
            </Tile>
          )}
          {hr && (
            <Tile title={t('overview.payroll')} testId="tile-payroll">
              {member.payrollRuns === null ? (
                <Text>{t('overview.unavailable')}</Text>
              ) : lastRun ? (
                <>
                  <Figure label={t('overview.lastRun')} value={period(lastRun.period, lang)} />
                  <Figure label={t('overview.status')} value={t(`runStatus.${lastRun.status}`)} />
                  <Anchor component={Link} to={`/salaris/${lastRun.id}`}>
                    {t('overview.toRun')}
                  </Anchor>
                </>
              ) : (
                <Text>{t('overview.noRuns')}</Text>
              )}
            </Tile>
          )}
          {hr && (
            <Tile title={t('overview.training')} testId="tile-training">
              {member.enrolments === null ? (
                <Text>{t('overview.unavailable')}</Text>
              ) : (
                <Figure label={t('overview.activeEnrolments')} value={String(activeEnrolments.length)} />
              )}
              {member.trainingBudget ? (
                <>
                  <Figure
                    label={t('overview.budgetAvailable', { year })}
                    value={money(member.trainingBudget.available, lang)}
                  />
                  <Figure label={t('overview.budgetGranted')} value={money(member.trainingBudget.granted, lang)} />
                  <Figure label={t('overview.budgetReserved')} value={money(member.trainingBudget.reserved, lang)} />
                </>
              ) : (
                <Text>{t('overview.noBudget')}</Text>
              )}
            </Tile>
          )}
          {!procurement && !hr && <Text>{t('overview.adminNote')}</Text>}
        </SimpleGrid>
      )}
    </Page>
  );
}
