// Why a document cannot be opened: not shared with the user's city, not found, or another error.
import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileOff, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { QueryError } from '../../app/QueryError';
import { usePageTitle } from '../../app/usePageTitle';

export function DocumentRefusal({ error, me }: { error: unknown; me: Me }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  const missing = error instanceof ApiError && error.status === 404;
  const heading = forbidden
    ? t('documents.refused.title')
    : missing
      ? t('documents.notFound.title')
      : t('errors.title');
  usePageTitle(heading);

  if (!forbidden && !missing) return <QueryError error={error} />;
  const Icon = forbidden ? IconLock : IconFileOff;
  const description = forbidden
    ? me.city
      ? t('documents.refused.description', { city: me.city.name })
      : t('documents.refused.descriptionNoCity')
    : t('documents.notFound.description');

  return (
    <Paper withBorder p={{ base: 'lg', sm: 48 }} maw={640} mx="auto" mt="xl">
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={64} radius="xl" variant="light" color={forbidden ? 'orange' : 'unesco'}>
          <Icon size={32} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={28}>
          {heading}
        </Title>
        <Text c="dimmed" maw={460}>
          {description}
        </Text>
        <Button component={Link} to="/documents" variant="light">
          {t('documents.backToList')}
        </Button>
      </Stack>
    </Paper>
  );
}
