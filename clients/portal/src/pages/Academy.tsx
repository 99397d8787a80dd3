import { Accordion, Alert, Badge, Button, Card, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gql, useMutation, useQuery } from 'urql';
import { useAuth } from '../auth';
import { dateTime, money } from '../format';
import { ErrorNotice, Loading, nodes, Page } from '../ui';

const CATALOGUE = gql`
  query AcademyCatalogue {
    courses(first: 100) {
      totalCount
      edges {
        node {
          id
          code
          title
          description
          studyLoadHours
          price
          fundable
          sessions {
            id
            startsAt
            location
            seatsFree
            capacity
          }
        }
      }
    }
    learningPaths(first: 50) {
      edges {
        node {
          id
          code
          title
          description
          steps {
            position
            required
            course {
              id
              code
              title
            }
          }
        }
      }
    }
  }
`;

const ENROL = gql`
  mutation Enrol($sessionId: ID!, $employeeId: ID!) {
    enrol(sessionId: $sessionId, employeeId: $employeeId) {
      id
      status
      waitlistPosition
      session {
        id
        seatsFree
      }
    }
  }
`;

interface Course {
  id: string;
  code: string;
  title: string;
  description: string;
  studyLoadHours: string;
  price: string;
  fundable: boolean;
  sessions: { id: string; startsAt: string; location: string; seatsFree: number; capacity: number }[];
}

function SessionRow({ session, course }: { session: Course['sessions'][number]; course: Course }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [result, enrol] = useMutation<{ enrol: { id: string; status: string; waitlistPosition: number | null } }>(
    ENROL,
  );
  const [done, setDone] = useState<string | null>(null);
  const canEnrol = auth.hasRole('employee') && !!auth.session?.employeeId;
  const when = dateTime(session.startsAt, i18n.language);
  return (
    <Group justify="space-between" wrap="wrap" data-testid={`session-${session.id}`}>
      <Stack gap={0}>
        <Text>{when}</Text>
        <Text size="sm">
          {session.location} · {t('academy.seatsFree', { count: session.seatsFree })}
        </Text>
      </Stack>
      {canEnrol && !done && (
        <Button
          size="xs"
          loading={result.fetching}
          aria-label={t('academy.enrolIn', { course: course.title, when })}
          onClick={async () => {
            const answer = await enrol({ sessionId: session.id, employeeId: auth.session!.employeeId });
            if (answer.data?.enrol) setDone(answer.data.enrol.status);
          }}
        >
          {t('academy.enrol')}
        </Button>
      )}
      {done && (
        <Alert color="green.9" variant="outline" role="status" py={4}>
          {t(`academy.enrolled.${done}`, { defaultValue: t(`enrolmentStatus.${done}`) })}
        </Alert>
      )}
      <ErrorNotice error={result.error} />
    </Group>
  );
}

export function AcademyPage() {
  const { t, i18n } = useTranslation();
  const [{ data, error, fetching }] = useQuery<{
    courses: { totalCount: number; edges: { node: Course }[] };
    learningPaths: {
      edges: {
        node: {
          id: string;
          code: string;
          title: string;
          description: string;
          steps: { position: number; required: boolean; course: { id: string; code: string; title: string } }[];
        };
      }[];
    };
  }>({ query: CATALOGUE });
  const courses = nodes(data?.courses);
  const paths = nodes(data?.learningPaths);
  return (
    <Page title={t('academy.title')}>
      <ErrorNotice error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <Tabs defaultValue="courses" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="courses">{t('academy.courses', { count: courses.length })}</Tabs.Tab>
            <Tabs.Tab value="paths">{t('academy.paths', { count: paths.length })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="courses" pt="md">
            <Accordion variant="separated" data-testid="courses">
              {courses.map((course) => (
                <Accordion.Item key={course.id} value={course.id}>
                  <Accordion.Control>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600}>{course.title}</Text>
                      <Badge variant="outline" color="gray.8">
                        {course.code}
                      </Badge>
                      <Text size="sm">{money(course.price, i18n.language)}</Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      <Text size="sm">{course.description}</Text>
                      <Text size="sm">
                        {t('academy.studyLoad', { hours: course.studyLoadHours })}
                        {course.fundable && ` · ${t('academy.fundable')}`}
                      </Text>
                      <Title order={3} size="h5">
                        {t('academy.sessions')}
                      </Title>
                      {course.sessions.length === 0 ? (
                        <Text size="sm">{t('academy.noSessions')}</Text>
                      ) : (
                        course.sessions.map((session) => (
                          <SessionRow key={session.id} session={session} course={course} />
                        ))
                      )}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Tabs.Panel>
          <Tabs.Panel value="paths" pt="md">
            <Stack>
              {paths.map((path) => (
                <Card withBorder key={path.id} component="section" aria-label={path.title}>
                  <Title order={2} size="h4">
                    {path.title}
                  </Title>
                  <Text size="sm">{path.description}</Text>
                  <List type="ordered" mt="xs">
                    {path.steps.map((step) => (
                      <List.Item key={step.position}>
                        {step.course.title} ({step.course.code}){!step.required && ` — ${t('academy.optional')}`}
                      </List.Item>
                    ))}
                  </List>
                </Card>
              ))}
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </Page>
  );
}
