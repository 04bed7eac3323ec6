// The app shell: header with brand, sections, language, notifications and account; the page
// below it, and the live connection's state when it is down.
import { AppShell, Box, Burger, Container, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ConnectionIndicator } from '../live/ConnectionIndicator';
import { NotificationBell } from '../notifications/NotificationBell';
import { AccountMenu } from './AccountMenu';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();

  // The mobile drawer closes when the page changes, however the change came about.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger.
  useEffect(() => nav.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 68 }}
      navbar={{ width: 280, breakpoint: 'md', collapsed: { mobile: !navOpened, desktop: true } }}
      padding={0}
    >
      <a className="uccn-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header style={{ borderTop: '3px solid var(--mantine-color-unesco-6)' }}>
        <Group h="100%" px={{ base: 'md', md: 'xl' }} justify="space-between" wrap="nowrap">
          <Group gap="xl" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Brand />
            <Box visibleFrom="md">
              <MainNav orientation="horizontal" />
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" hiddenFrom="md">
        <MainNav orientation="vertical" onNavigate={nav.close} />
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Container size="xl" py={{ base: 'lg', md: 40 }} px={{ base: 'md', md: 'xl' }}>
          <Outlet />
        </Container>
        <Container component="footer" size="xl" px={{ base: 'md', md: 'xl' }} pb="xl">
          <Divider mb="md" />
          <Text fz="sm" c="dimmed">
            {t('app.footer')}
          </Text>
        </Container>
      </AppShell.Main>
      <ConnectionIndicator />
      <ScrollRestoration />
    </AppShell>
  );
}
