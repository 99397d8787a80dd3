import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { gql, useQuery } from 'urql';
import { useAuth } from '../auth';
import { date, dateTime, money, period } from '../format';
import { PayslipButton } from '../PayslipButton';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const MINE = gql`
  query MyPage($employeeId: ID!) {
    employee(id: $employeeId) {
      id
      name
      employer {
        id
        name
      }
      certificates(first: 50) {
        totalCount
        edges {
          node {
            id
            code
            title
            kind
            issuedOn
            expiresOn
            status
          }
        }
      }
      skills {
        code
        name
        status
        since
        validUntil
        courses
      }
      enrolments(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            waitlistPosition
            session {
              id
              startsAt
              location
              course {
                id
                title
              }
            }
          }
        }
      }
    }
    payslips(employeeId: $employeeId, first: 24) {
      edges {
        node {
          id
          period
          gross
          net
        }
      }
    }
  }
`;

interface MyData {
  employee: {
    id: string;
    name: string;
    /** Null while the members directory cannot answer (partial data): the rest of the page still shows. */
    employer: { name: string } | null;
    certificates: {
      edges: {
        node: {
          id: string;
          code: string;
          title: string;
          kind: string;
          issuedOn: string;
          expiresOn: string | null;
          status: string;
        };
      }[];
    };
    skills: {
      code: string;
      name: string;
      status: string;
      since: string;
      validUntil: string | null;
      courses: string[];
    }[];
    enrolments: {
      edges: {
        node: {
          id: string;
          status: string;
          waitlistPosition: number | null;
          session: { id: string; startsAt: string; location: string; course: { title: string } };
        };
      }[];
    };
  };
  payslips: { edges: { node: { id: string; period: string; gross: string; net: string } }[] };
}

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title} data-testid={testId}>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

export function MyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useAuth();
  const [{ data, error, fetching }] = useQuery<MyData>({
    query: MINE,
    variables: { employeeId: session!.employeeId },
    requestPolicy: 'cache-and-network',
    pause: !session?.employeeId,
  });
  const employee = data?.employee;
  const payslips = nodes(data?.payslips);
  const certificates = nodes(employee?.certificates);
  const enrolments = nodes(employee?.enrolments);
  return (
    <Page title={t('my.title')}>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {employee && (
        <>
          <Text>{t('my.intro', { name: employee.name, employer: employee.employer?.name ?? '—' })}</Text>
          <Section title={t('my.payslips')} testId="my-payslips">
            {payslips.length === 0 ? (
              <Text>{t('my.noPayslips')}</Text>
            ) : (
              <div className="table-scroll">
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('payroll.period')}</Table.Th>
                      <Table.Th scope="col">{t('payroll.gross')}</Table.Th>
                      <Table.Th scope="col">{t('payroll.net')}</Table.Th>
                      <Table.Th scope="col">{t('payroll.pdf')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {payslips.map((slip) => (
                      <Table.Tr key={slip.id}>
                        <Table.Td>{period(slip.period, lang)}</Table.Td>
                        <Table.Td>{money(slip.gross, lang)}</Table.Td>
                        <Table.Td>{money(slip.net, lang)}</Table.Td>
                        <Table.Td>
                          <PayslipButton id={slip.id} label={t('my.pdfOf', { period: period(slip.period, lang) })} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title={t('my.enrolments')} testId="my-enrolments">
              {enrolments.length === 0 ? (
                <Text>{t('my.noEnrolments')}</Text>
              ) : (
                <Stack gap="xs">
                  {enrolments.map((enrolment) => (
                    <Group key={enrolment.id} justify="space-between" wrap="wrap">
                      <Text>
                        {enrolment.session.course.title} — {dateTime(enrolment.session.startsAt, lang)}
                      </Text>
                      <Badge variant="filled" color="green.9">
                        {t(`enrolmentStatus.${enrolment.status}`)}
                        {enrolment.waitlistPosition ? ` (${enrolment.waitlistPosition})` : ''}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              )}
            </Section>
            <Section title={t('my.certificates')} testId="my-certificates">
              {certificates.length === 0 ? (
                <Text>{t('my.noCertificates')}</Text>
              ) : (
                <Stack gap="xs">
                  {certificates.map((certificate) => (
                    <div key={certificate.id}>
                      <Text fw={600}>{certificate.title}</Text>
                      <Text size="sm">
                        {t('my.issuedOn', { date: date(certificate.issuedOn, lang) })}
                        {certificate.expiresOn &&
                          ` · ${t('my.validUntil', { date: date(certificate.expiresOn, lang) })}`}
                        {` · ${t('my.code')}: ${certificate.code}`}
                      </Text>
                    </div>
                  ))}
                </Stack>
              )}
            </Section>
          </SimpleGrid>
          <Section title={t('my.skills')} testId="my-skills">
            {employee.skills.length === 0 ? (
              <Text>{t('my.noSkills')}</Text>
            ) : (
              <div className="table-scroll">
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('my.skill')}</Table.Th>
                      <Table.Th scope="col">{t('my.since')}</Table.Th>
                      <Table.Th scope="col">{t('my.validUntilHeader')}</Table.Th>
                      <Table.Th scope="col">{t('my.courses')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {employee.skills.map((skill) => (
                      <Table.Tr key={skill.code}>
                        <Table.Td>{skill.name}</Table.Td>
                        <Table.Td>{date(skill.since, lang)}</Table.Td>
                        <Table.Td>{skill.validUntil ? date(skill.validUntil, lang) : t('my.noExpiry')}</Table.Td>
                        <Table.Td>{skill.courses.join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
