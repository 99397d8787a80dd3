import { Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gql, useQuery } from 'urql';
import { employerOf, useAuth } from '../auth';
import { date } from '../format';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const EMPLOYEES = gql`
  query Employees($memberId: ID!, $name: String) {
    employees(memberId: $memberId, first: 100, filter: { name: $name }) {
      totalCount
      edges {
        node {
          id
          name
          employments {
            id
            functionTitle
            startDate
            endDate
            contractType
            caoScale
            caoStep
            hoursPerWeek
          }
        }
      }
    }
  }
`;

interface EmployeeRow {
  id: string;
  name: string;
  employments: {
    id: string;
    functionTitle: string;
    startDate: string;
    endDate: string | null;
    contractType: string;
    caoScale: number;
    caoStep: number;
    hoursPerWeek: string;
  }[];
}

export function EmployeesPage() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const [search, setSearch] = useState('');
  const [name] = useDebouncedValue(search.trim(), 300);
  const [{ data, error, fetching }] = useQuery<{ employees: { totalCount: number; edges: { node: EmployeeRow }[] } }>({
    query: EMPLOYEES,
    variables: { memberId: employerOf(session), name: name || null },
  });
  const employees = nodes(data?.employees);
  return (
    <Page title={t('employees.title')}>
      <TextInput
        label={t('employees.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {data && <Text role="status">{t('employees.count', { count: data.employees.totalCount })}</Text>}
      {employees.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="employees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('employees.name')}</Table.Th>
                <Table.Th scope="col">{t('employees.function')}</Table.Th>
                <Table.Th scope="col">{t('employees.scaleStep')}</Table.Th>
                <Table.Th scope="col">{t('employees.hours')}</Table.Th>
                <Table.Th scope="col">{t('employees.contract')}</Table.Th>
                <Table.Th scope="col">{t('employees.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {employees.flatMap((employee) =>
                employee.employments.map((employment, index) => (
                  <Table.Tr key={employment.id}>
                    <Table.Td>{index === 0 ? employee.name : ''}</Table.Td>
                    <Table.Td>{employment.functionTitle}</Table.Td>
                    <Table.Td>
                      {employment.caoScale} / {employment.caoStep}
                    </Table.Td>
                    <Table.Td>
                      {employment.hoursPerWeek.replace('.', i18n.language.startsWith('nl') ? ',' : '.')}
                    </Table.Td>
                    <Table.Td>
                      {t(`contractType.${employment.contractType}`, { defaultValue: employment.contractType })}
                    </Table.Td>
                    <Table.Td>
                      {date(employment.startDate, i18n.language)}
                      {employment.endDate && ` – ${date(employment.endDate, i18n.language)}`}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Page>
  );
}
