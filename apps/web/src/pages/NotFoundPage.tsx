// Shown for an address the app has no page for, or a record that does not exist.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle';

interface NotFoundPageProps {
  title?: string;
  description?: string;
  actionLabel?: string;
}

export function NotFoundPage({ title, description, actionLabel }: NotFoundPageProps) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  usePageTitle(heading);
  return (
    <Paper withBorder p={{ base: 'lg', sm: 48 }} maw={640} mx="auto" mt="xl">
      <Stack align="center" ta="center" gap="md">
        <IconMapSearch size={48} color="var(--mantine-color-unesco-6)" aria-hidden />
        <Title order={1} fz={28}>
          {heading}
        </Title>
        <Text c="dimmed">{description ?? t('notFound.description')}</Text>
        <Button component={Link} to="/cities" variant="light">
          {actionLabel ?? t('notFound.home')}
        </Button>
      </Stack>
    </Paper>
  );
}
