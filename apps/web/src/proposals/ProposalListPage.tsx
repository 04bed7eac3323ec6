// /proposals: my city's proposals or all I may see, filtered and searched; "New proposal".
import {
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { EMPTY_PROPOSAL_FILTERS, filtersFromSearch, searchFromFilters } from './filters';
import { NewProposalModal } from './NewProposalModal';
import { ProposalFilterBar } from './ProposalFilterBar';
import { ProposalTable } from './ProposalTable';
import { useProposals } from './queries';
import type { ProposalFilters } from './types';

export function ProposalListPage() {
  const { t } = useTranslation();
  usePageTitle(t('proposals.title'));
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const ownCity = me.data?.city ?? null;
  // The Secretariat has no city of its own: it always sees every proposal it may see.
  const filters: ProposalFilters = {
    ...filtersFromSearch(search),
    ...(ownCity ? {} : { scope: 'all' as const }),
  };
  const proposals = useProposals(filters);
  const [creating, creation] = useDisclosure(false);

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in?next=%2Fproposals" replace />;
  const update = (change: Partial<ProposalFilters>) =>
    setSearch(searchFromFilters({ ...filters, ...change }), { replace: true });
  const list = proposals.data ?? [];

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1}>{t('proposals.title')}</Title>
          <Text c="dimmed" fz="lg" mt={4} maw={720}>
            {ownCity ? t('proposals.subtitle') : t('proposals.subtitleSecretariat')}
          </Text>
        </div>
        {ownCity && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={creation.open}>
            {t('proposals.create.open')}
          </Button>
        )}
      </Group>

      {ownCity && (
        <SegmentedControl
          w="fit-content"
          aria-label={t('proposals.scope.label')}
          value={filters.scope}
          onChange={(scope) => update({ scope: scope === 'all' ? 'all' : 'mine' })}
          data={[
            { value: 'mine', label: t('proposals.scope.mine', { city: ownCity.name }) },
            { value: 'all', label: t('proposals.scope.all') },
          ]}
        />
      )}

      <ProposalFilterBar
        filters={filters}
        onChange={(key, value) => update({ [key]: value })}
        onClear={() => update({ ...EMPTY_PROPOSAL_FILTERS, scope: filters.scope })}
      />

      <Group gap="xs" aria-live="polite">
        <Text fw={650} fz="lg">
          {proposals.isPending
            ? t('proposals.list.loading')
            : t('proposals.list.count', { count: list.length })}
        </Text>
        {proposals.isFetching && !proposals.isPending && <Loader size="xs" aria-hidden />}
      </Group>

      {proposals.isError ? (
        <QueryError error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : !proposals.isPending && list.length === 0 ? (
        <Paper withBorder p={{ base: 'lg', sm: 48 }}>
          <Stack align="center" gap="sm" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light" color="unesco">
              <IconFileText size={28} aria-hidden />
            </ThemeIcon>
            <Text fw={650} fz="lg">
              {t('proposals.list.empty')}
            </Text>
            <Text c="dimmed" maw={480}>
              {ownCity ? t('proposals.list.emptyHint') : t('proposals.list.emptyHintSecretariat')}
            </Text>
            {ownCity && (
              <Button variant="light" mt="xs" onClick={creation.open}>
                {t('proposals.create.open')}
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <ProposalTable proposals={list} />
        </Paper>
      )}

      {ownCity && <NewProposalModal opened={creating} onClose={creation.close} city={ownCity} />}
    </Stack>
  );
}
