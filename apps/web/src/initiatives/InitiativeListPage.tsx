// /initiatives: the actions cities share, filtered; "New initiative" for people of a city.
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import {
  EMPTY_INITIATIVE_FILTERS,
  initiativeFiltersFromSearch,
  searchFromInitiativeFilters,
} from './filters';
import { InitiativeFilterBar } from './InitiativeFilterBar';
import { InitiativeTable } from './InitiativeTable';
import { NewInitiativeModal } from './NewInitiativeModal';
import { useInitiatives } from './queries';
import type { InitiativeFilters } from './types';

export function InitiativeListPage() {
  const { t } = useTranslation();
  usePageTitle(t('initiatives.title'));
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const filters = initiativeFiltersFromSearch(search);
  const initiatives = useInitiatives(filters);
  const [creating, creation] = useDisclosure(false);

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in?next=%2Finitiatives" replace />;
  const ownCity = me.data.city;
  const update = (change: Partial<InitiativeFilters>) =>
    setSearch(searchFromInitiativeFilters({ ...filters, ...change }), { replace: true });
  const list = initiatives.data ?? [];

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1}>{t('initiatives.title')}</Title>
          <Text c="dimmed" fz="lg" mt={4} maw={720}>
            {t('initiatives.subtitle')}
          </Text>
        </div>
        {ownCity && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={creation.open}>
            {t('initiatives.create.open')}
          </Button>
        )}
      </Group>

      <InitiativeFilterBar
        filters={filters}
        onChange={(key, value) => update({ [key]: value })}
        onClear={() => update(EMPTY_INITIATIVE_FILTERS)}
      />

      <Group gap="xs" aria-live="polite">
        <Text fw={650} fz="lg">
          {initiatives.isPending
            ? t('initiatives.list.loading')
            : t('initiatives.list.count', { count: list.length })}
        </Text>
        {initiatives.isFetching && !initiatives.isPending && <Loader size="xs" aria-hidden />}
      </Group>

      {initiatives.isError ? (
        <QueryError error={initiatives.error} onRetry={() => void initiatives.refetch()} />
      ) : list.length === 0 ? (
        !initiatives.isPending && (
          <Paper withBorder p="xl">
            <Text ta="center" c="dimmed">
              {t('initiatives.list.empty')}
            </Text>
          </Paper>
        )
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <InitiativeTable initiatives={list} />
        </Paper>
      )}

      {ownCity && (
        <NewInitiativeModal
          opened={creating}
          onClose={creation.close}
          fieldSlug={ownCity.fieldSlug}
        />
      )}
    </Stack>
  );
}
