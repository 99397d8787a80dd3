import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { gql, useQuery } from 'urql';
import { date, money, today } from '../format';
import { ErrorNotice, Loading, Page } from '../ui';

const TABLE = gql`
  query CaoTable($on: Date!) {
    wageScales(on: $on) {
      on
      afterEffect
      version {
        id
        name
        effectiveFrom
        effectiveTo
        fullTimeHoursPerWeek
      }
      scales {
        id
        scale
        steps {
          step
          monthlyFullTime
          hourly
        }
      }
    }
  }
`;

interface CaoData {
  wageScales: {
    on: string;
    afterEffect: boolean;
    version: { name: string; effectiveFrom: string | null; effectiveTo: string | null; fullTimeHoursPerWeek: string };
    scales: { id: string; scale: number; steps: { step: number; monthlyFullTime: string; hourly: string }[] }[];
  };
}

export function CaoPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const on = today();
  const [{ data, error, fetching }] = useQuery<CaoData>({ query: TABLE, variables: { on } });
  const table = data?.wageScales;
  const steps = table ? Math.max(0, ...table.scales.map((scale) => Math.max(0, ...scale.steps.map((s) => s.step)))) : 0;
  const firstStep = table ? Math.min(...table.scales.flatMap((scale) => scale.steps.map((s) => s.step))) : 0;
  const stepNumbers = Array.from({ length: Math.max(0, steps - firstStep + 1) }, (_, i) => firstStep + i);
  return (
    <Page title={t('cao.title')}>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {table && (
        <>
          <Text data-testid="cao-version">
            {t('cao.inForce', {
              name: table.version.name,
              on: date(table.on, lang),
              from: date(table.version.effectiveFrom, lang),
              to: date(table.version.effectiveTo, lang),
              hours: table.version.fullTimeHoursPerWeek,
            })}
          </Text>
          {table.afterEffect && <Text>{t('cao.afterEffect')}</Text>}
          <div className="table-scroll">
            <Table striped withTableBorder withColumnBorders data-testid="cao-table">
              <Table.Caption>{t('cao.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cao.step')}</Table.Th>
                  {table.scales.map((scale) => (
                    <Table.Th scope="col" key={scale.id}>
                      {t('cao.scale', { scale: scale.scale })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stepNumbers.map((step) => (
                  <Table.Tr key={step}>
                    <Table.Th scope="row">{step}</Table.Th>
                    {table.scales.map((scale) => {
                      const cell = scale.steps.find((s) => s.step === step);
                      return (
                        <Table.Td key={scale.id}>
                          {cell ? (
                            <>
                              {money(cell.monthlyFullTime, lang)}
                              <br />
                              <Text span size="xs">
                                {money(cell.hourly, lang)} {t('cao.perHour')}
                              </Text>
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Page>
  );
}
