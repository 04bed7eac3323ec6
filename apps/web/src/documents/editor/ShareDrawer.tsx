// For the owner city and the Secretariat: which cities may edit or read, and archiving.
import { Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setDocumentAccess, updateDocument } from '../../api/endpoints';
import { queryKeys } from '../../api/queries';
import type { CityAccess, SharedDocument } from '../../api/types';
import { QueryError } from '../../app/QueryError';
import { sameAccess } from '../access';
import { CityAccessPicker } from '../CityAccessPicker';

interface ShareDrawerProps {
  document: SharedDocument;
  opened: boolean;
  onClose: () => void;
  onChanged: () => void;
}

export function ShareDrawer({ document, opened, onClose, onChanged }: ShareDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={
        <Title order={2} fz="lg">
          {t('documents.share.title')}
        </Title>
      }
    >
      {/* Mounted only while open: the form starts from the current access list each time. */}
      <ShareForm document={document} onDone={onClose} onChanged={onChanged} />
    </Drawer>
  );
}

function initialAccess(document: SharedDocument): CityAccess[] {
  return document.cities.map(({ slug, access }) => ({ slug, access }));
}

function ShareForm(props: { document: SharedDocument; onDone: () => void; onChanged: () => void }) {
  const { document, onDone, onChanged } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cities, setCities] = useState(() => initialAccess(document));
  const saved = (updated: SharedDocument) => {
    queryClient.setQueryData(queryKeys.document(document.id), updated);
    onChanged();
  };

  const share = useMutation({
    mutationFn: () => setDocumentAccess(document.id, cities),
    onSuccess: (updated) => {
      saved(updated);
      notifications.show({ color: 'teal', message: t('documents.share.saved') });
      onDone();
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => updateDocument(document.id, { archived }),
    onSuccess: (updated) => {
      saved(updated);
      notifications.show({
        color: 'teal',
        message: updated.archived
          ? t('documents.share.archivedDone')
          : t('documents.share.unarchivedDone'),
      });
    },
  });
  const unchanged = sameAccess(cities, initialAccess(document));

  return (
    <Stack gap="lg">
      <Text fz="sm" c="dimmed">
        {t('documents.share.hint', { city: document.ownerCity?.name ?? '—' })}
      </Text>
      <CityAccessPicker
        value={cities}
        onChange={setCities}
        ownerSlug={document.ownerCity?.slug ?? null}
        disabled={share.isPending}
      />
      {share.isError && <QueryError error={share.error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t('documents.cancel')}
        </Button>
        <Button onClick={() => share.mutate()} loading={share.isPending} disabled={unchanged}>
          {t('documents.share.save')}
        </Button>
      </Group>

      <Divider />
      <Stack gap="xs">
        <Title order={3} fz="md">
          {document.archived
            ? t('documents.share.archivedTitle')
            : t('documents.share.archiveTitle')}
        </Title>
        <Text fz="sm" c="dimmed">
          {document.archived
            ? t('documents.share.unarchiveHint')
            : t('documents.share.archiveHint')}
        </Text>
        {archive.isError && <QueryError error={archive.error} />}
        {document.archived ? (
          <Button
            variant="light"
            leftSection={<IconArchiveOff size={16} />}
            onClick={() => archive.mutate(false)}
            loading={archive.isPending}
            w="fit-content"
          >
            {t('documents.share.unarchive')}
          </Button>
        ) : (
          <Button
            variant="light"
            color="orange"
            leftSection={<IconArchive size={16} />}
            onClick={() => archive.mutate(true)}
            loading={archive.isPending}
            w="fit-content"
          >
            {t('documents.share.archive')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
