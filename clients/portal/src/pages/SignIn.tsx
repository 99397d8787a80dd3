import { Alert, Button, Card, Container, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { homeOf } from '../App';
import { useAuth, type DemoUser } from '../auth';
import { Loading, Page } from '../ui';

export function SignInPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!auth.config.demoSignIn) return;
    auth
      .demoUsers()
      .then(setUsers)
      .catch(() => setProblem(t('auth.demoUnavailable')));
  }, [auth, t]);

  const signIn = async () => {
    if (!chosen) {
      setProblem(t('auth.pickSomeone'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const session = await auth.signInAsDemoUser(chosen);
      void navigate(homeOf(session), { replace: true });
    } catch {
      setProblem(t('auth.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="xs" py="xl" component="main" id="main">
      <Page title={t('auth.title')}>
        <Text>{t('auth.intro')}</Text>
        {problem && (
          <Alert color="#b02a21" variant="outline" role="alert">
            {problem}
          </Alert>
        )}
        {auth.config.oidc && (
          <Card withBorder>
            <Stack>
              <Text>{t('auth.providerIntro')}</Text>
              <Button onClick={() => void auth.signInWithProvider()}>{t('auth.withProvider')}</Button>
            </Stack>
          </Card>
        )}
        {auth.config.demoSignIn && (
          <Card withBorder>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void signIn();
              }}
            >
              <Stack>
                <Text size="sm">{t('auth.demoIntro')}</Text>
                {users === null && !problem ? (
                  <Loading />
                ) : (
                  <Select
                    label={t('auth.demoUser')}
                    placeholder={t('auth.pick')}
                    searchable
                    data={(users ?? []).map((user) => ({
                      value: user.id,
                      label: `${user.name} — ${user.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')}`,
                    }))}
                    value={chosen}
                    onChange={setChosen}
                    nothingFoundMessage={t('common.nothingFound')}
                  />
                )}
                <Button type="submit" loading={busy}>
                  {t('auth.signIn')}
                </Button>
              </Stack>
            </form>
          </Card>
        )}
      </Page>
    </Container>
  );
}

export function SignInCallbackPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    auth
      .completeProviderSignIn()
      .then((session) => navigate(homeOf(session), { replace: true }))
      .catch(() => setProblem(t('auth.failed')));
  }, []);
  return (
    <Container size="xs" py="xl" component="main" id="main">
      <Page title={t('auth.title')}>
        {problem ? (
          <Alert color="#b02a21" variant="outline" role="alert">
            {problem}
          </Alert>
        ) : (
          <Loading label={t('auth.completing')} />
        )}
      </Page>
    </Container>
  );
}
