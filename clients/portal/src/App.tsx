import { AppShell, Burger, Button, Group, NavLink, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink as RouterLink, Route, Routes, useLocation } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { ASSOCIATION_ROLES, MEMBER_ROLES, useAuth, type Session } from './auth';
import { createClient } from './client';
import { AcademyPage } from './pages/Academy';
import { CaoPage } from './pages/Cao';
import { CatalogPage } from './pages/Catalog';
import { DirectoryPage } from './pages/Directory';
import { EmployeesPage } from './pages/Employees';
import { MyPage } from './pages/My';
import { OrderPage, OrdersPage } from './pages/Orders';
import { OverviewPage } from './pages/Overview';
import { PayrollPage, PayrollRunPage } from './pages/Payroll';
import { SignInCallbackPage, SignInPage } from './pages/SignIn';

interface Section {
  path: string;
  label: string;
  roles: string[];
}

/** The pages a role works with, in the menu's order. */
export function sectionsFor(t: (key: string) => string): Section[] {
  return [
    { path: '/', label: t('nav.overview'), roles: MEMBER_ROLES },
    { path: '/inkoop', label: t('nav.catalog'), roles: ['member-purchaser'] },
    { path: '/bestellingen', label: t('nav.orders'), roles: ['member-purchaser', 'member-approver'] },
    { path: '/personeel', label: t('nav.employees'), roles: ['member-hr', 'payroll-service'] },
    { path: '/salaris', label: t('nav.payroll'), roles: ['member-hr', 'payroll-service'] },
    { path: '/mijn', label: t('nav.my'), roles: ['employee'] },
    { path: '/academie', label: t('nav.academy'), roles: ['employee', 'member-hr', 'association-academy'] },
    { path: '/leden', label: t('nav.directory'), roles: [...ASSOCIATION_ROLES, ...MEMBER_ROLES] },
    { path: '/cao', label: t('nav.cao'), roles: [...ASSOCIATION_ROLES, 'member-hr'] },
  ];
}

export function homeOf(session: Session): string {
  const roles = session.roles;
  if (roles.some((role) => MEMBER_ROLES.includes(role))) return '/';
  if (roles.includes('employee')) return '/mijn';
  if (roles.includes('payroll-service')) return '/salaris';
  return '/leden';
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language.startsWith('en') ? 'en' : 'nl'}
      onChange={(language) => void i18n.changeLanguage(language)}
      data={[
        { value: 'nl', label: 'NL' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  // On a narrow screen the closed menu is out of sight: out of the keyboard's and screen reader's way too.
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const location = useLocation();
  const sections = sectionsFor(t).filter((section) => section.roles.some((role) => session.roles.includes(role)));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text fw={700} c="green.9">
              Samen Sterk
            </Text>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <LanguageSwitch />
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              {session.name}
            </Text>
            <Button variant="outline" size="xs" onClick={signOut}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        id="main-navigation"
        aria-label={t('nav.label')}
        component="nav"
        inert={narrow && !opened ? true : undefined}
      >
        <VisuallyHidden>
          <h2>{t('nav.label')}</h2>
        </VisuallyHidden>
        {sections.map((section) => (
          <NavLink
            key={section.path}
            component={RouterLink}
            to={section.path}
            label={section.label}
            active={section.path === '/' ? location.pathname === '/' : location.pathname.startsWith(section.path)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

function Guard({ roles, session, children }: { roles: string[]; session: Session; children: ReactNode }) {
  if (!session.roles.some((role) => roles.includes(role))) return <Navigate to={homeOf(session)} replace />;
  return <>{children}</>;
}

export function App() {
  const { session, config } = useAuth();
  const { t } = useTranslation();
  const client = useMemo(() => createClient(config.gatewayUrl, session?.token ?? null), [config, session?.token]);
  if (!session) {
    return (
      <Routes>
        <Route path="/aanmelden/terug" element={<SignInCallbackPage />} />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );
  }
  const sections = Object.fromEntries(sectionsFor(t).map((section) => [section.path, section.roles]));
  const guarded = (path: string, element: ReactNode) => (
    <Guard roles={sections[path]!} session={session}>
      {element}
    </Guard>
  );
  return (
    <UrqlProvider value={client}>
      <Shell session={session}>
        <Routes>
          <Route path="/" element={guarded('/', <OverviewPage />)} />
          <Route path="/inkoop" element={guarded('/inkoop', <CatalogPage />)} />
          <Route path="/bestellingen" element={guarded('/bestellingen', <OrdersPage />)} />
          <Route path="/bestellingen/:id" element={guarded('/bestellingen', <OrderPage />)} />
          <Route path="/personeel" element={guarded('/personeel', <EmployeesPage />)} />
          <Route path="/salaris" element={guarded('/salaris', <PayrollPage />)} />
          <Route path="/salaris/:id" element={guarded('/salaris', <PayrollRunPage />)} />
          <Route path="/mijn" element={guarded('/mijn', <MyPage />)} />
          <Route path="/academie" element={guarded('/academie', <AcademyPage />)} />
          <Route path="/leden" element={guarded('/leden', <DirectoryPage />)} />
          <Route path="/cao" element={guarded('/cao', <CaoPage />)} />
          <Route path="*" element={<Navigate to={homeOf(session)} replace />} />
        </Routes>
      </Shell>
    </UrqlProvider>
  );
}
