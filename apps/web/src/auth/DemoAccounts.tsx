// The demo-mode box on the sign-in page: each account fills the form when chosen.
import { Code, Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { IconInfoCircle, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DemoConfig } from '../api/types';

interface DemoAccountsProps {
  demo: DemoConfig;
  onChoose: (email: string, password: string) => void;
}

export function DemoAccounts({ demo, onChoose }: DemoAccountsProps) {
  const { t } = useTranslation();
  const password = demo.password ?? '';
  return (
    <Paper
      withBorder
      p="lg"
      bg="var(--mantine-color-unesco-0)"
      style={{ borderColor: 'var(--mantine-color-unesco-2)' }}
      aria-labelledby="demo-accounts-title"
      component="section"
    >
      <Group gap="xs" mb={4}>
        <IconInfoCircle size={18} color="var(--mantine-color-unesco-7)" aria-hidden />
        <Text id="demo-accounts-title" fw={650} c="unesco.8">
          {t('signIn.demoTitle')}
        </Text>
      </Group>
      <Text fz="sm" mb="sm">
        {t('signIn.demoHint')}
      </Text>
      {demo.password !== null && (
        <Text fz="sm" mb="md">
          {t('signIn.demoPassword')} <Code fz="sm">{password}</Code>
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        {demo.accounts.map((account) => (
          <UnstyledButton
            key={account.email}
            onClick={() => onChoose(account.email, password)}
            aria-label={t('signIn.demoUse', { label: account.label, email: account.email })}
            p="xs"
            bg="var(--mantine-color-body)"
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              border: '1px solid var(--mantine-color-unesco-1)',
            }}
          >
            <Group gap="xs" wrap="nowrap">
              <IconUserCircle size={22} color="var(--mantine-color-unesco-6)" aria-hidden />
              <div style={{ minWidth: 0 }}>
                <Text fz="sm" fw={600} truncate>
                  {account.label}
                </Text>
                <Text fz="xs" c="dimmed" truncate>
                  {account.email}
                </Text>
              </div>
            </Group>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
