import { Badge, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gql, useQuery } from 'urql';
import { date, today } from '../format';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const MEMBERS = gql`
  query MembersDirectory($filter: MemberFilter) {
    members(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          city
          membershipStatus
          keurmerk {
            status
            lastAuditOn
            nextAuditDue
          }
        }
      }
    }
  }
`;

interface MemberRow {
  id: string;
  name: string;
  city: string;
  membershipStatus: string;
  keurmerk: { status: string; lastAuditOn: string | null; nextAuditDue: string | null };
}

// Due "within 90 days": before the day 90 days from today (the API's auditDueBefore is strict).
const DUE_WITHIN_DAYS = 90;
const addDays = (isoDate: string, days: number) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  const moment = new Date(Date.UTC(y!, m! - 1, d! + days));
  return moment.toISOString().slice(0, 10);
};

export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [name] = useDebouncedValue(search.trim(), 300);
  const [dueOnly, setDueOnly] = useState(false);
  const now = today();
  const horizon = addDays(now, DUE_WITHIN_DAYS);
  const [{ data, error, fetching }] = useQuery<{ members: { totalCount: number; edges: { node: MemberRow }[] } }>({
    query: MEMBERS,
    variables: { filter: { ...(name ? { name } : {}), ...(dueOnly ? { auditDueBefore: horizon } : {}) } },
  });
  // Soonest audit first; members without a planned audit last.
  const members = [...nodes(data?.members)].sort((a, b) =>
    (a.keurmerk.nextAuditDue ?? '9999').localeCompare(b.keurmerk.nextAuditDue ?? '9999'),
  );
  const dueSoon = members.filter((m) => m.keurmerk.nextAuditDue && m.keurmerk.nextAuditDue < horizon).length;
  return (
    <Page title={t('directory.title')}>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('directory.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Switch
          label={t('directory.dueOnly', { days: DUE_WITHIN_DAYS })}
          checked={dueOnly}
          onChange={(e) => setDueOnly(e.currentTarget.checked)}
        />
      </Group>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <Text role="status" data-testid="directory-summary">
          {t('directory.summary', { count: data.members.totalCount, due: dueSoon, days: DUE_WITHIN_DAYS })}
        </Text>
      )}
      {members.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="directory">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('directory.member')}</Table.Th>
                <Table.Th scope="col">{t('directory.city')}</Table.Th>
                <Table.Th scope="col">{t('directory.keurmerk')}</Table.Th>
                <Table.Th scope="col">{t('directory.lastAudit')}</Table.Th>
                <Table.Th scope="col">{t('directory.nextAudit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const due = member.keurmerk.nextAuditDue;
                const overdue = !!due && due < now;
                const soon = !!due && !overdue && due < horizon;
                return (
                  <Table.Tr key={member.id}>
                    <Table.Td>{member.name}</Table.Td>
                    <Table.Td>{member.city}</Table.Td>
                    <Table.Td>{t(`keurmerk.${member.keurmerk.status}`)}</Table.Td>
                    <Table.Td>{date(member.keurmerk.lastAuditOn, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <span>{date(due, i18n.language)}</span>
                        {overdue && (
                          <Badge variant="filled" color="#b02a21">
                            {t('directory.overdue')}
                          </Badge>
                        )}
                        {soon && (
                          <Badge variant="filled" color="#9c3d00">
                            {t('directory.dueSoon')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Page>
  );
}
