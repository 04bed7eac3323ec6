// /documents: the shared documents the user may open, and a button to start a new one.
import { Button, Group, Loader, Paper, Stack, Switch, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFiles, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useDocuments, useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { canCreateDocuments } from './access';
import { DocumentTable } from './DocumentTable';
import { NewDocumentModal } from './NewDocumentModal';

export function DocumentListPage() {
  const { t } = useTranslation();
  usePageTitle(t('documents.title'));
  const me = useMe();
  const [showArchived, setShowArchived] = useState(false);
  const documents = useDocuments(showArchived);
  const [creating, creation] = useDisclosure(false);

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in?next=%2Fdocuments" replace />;
  const ownCity = me.data.city;
  // Proposals' bodies live on their proposal's page, under Proposals.
  const list = (documents.data ?? []).filter((document) => document.kind !== 'proposal');

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1}>{t('documents.title')}</Title>
          <Text c="dimmed" fz="lg" mt={4}>
            {ownCity ? t('documents.subtitle') : t('documents.subtitleSecretariat')}
          </Text>
        </div>
        {canCreateDocuments(me.data) && ownCity && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={creation.open}>
            {t('documents.create.open')}
          </Button>
        )}
      </Group>

      <Group justify="space-between" gap="sm">
        <Group gap="xs" aria-live="polite">
          <Text fw={650} fz="lg">
            {documents.isPending
              ? t('documents.list.loading')
              : t('documents.list.count', { count: list.length })}
          </Text>
          {documents.isFetching && !documents.isPending && <Loader size="xs" aria-hidden />}
        </Group>
        <Switch
          label={t('documents.list.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>

      {documents.isError ? (
        <QueryError error={documents.error} onRetry={() => void documents.refetch()} />
      ) : !documents.isPending && list.length === 0 ? (
        <Paper withBorder p={{ base: 'lg', sm: 48 }}>
          <Stack align="center" gap="sm" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light" color="unesco">
              <IconFiles size={28} aria-hidden />
            </ThemeIcon>
            <Text fw={650} fz="lg">
              {t('documents.list.empty')}
            </Text>
            <Text c="dimmed" maw={460}>
              {ownCity ? t('documents.list.emptyHint') : t('documents.list.emptyHintSecretariat')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <DocumentTable documents={list} />
        </Paper>
      )}

      {ownCity && (
        <NewDocumentModal opened={creating} onClose={creation.close} ownerSlug={ownCity.slug} />
      )}
    </Stack>
  );
}
