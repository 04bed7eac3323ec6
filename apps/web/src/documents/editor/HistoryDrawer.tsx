// The document's versions: save a named one, look at any of them, restore one.
import { Button, Drawer, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { createVersion } from '../../api/endpoints';
import { queryKeys, useVersions } from '../../api/queries';
import type { SharedDocument } from '../../api/types';
import { QueryError } from '../../app/QueryError';
import { VersionList } from './VersionList';
import { VersionModal } from './VersionModal';

/** The server's limit on version labels. */
const LABEL_MAX = 120;

interface HistoryDrawerProps {
  document: SharedDocument;
  /** The live document, to compare versions with; null until its session is open. */
  liveDoc: Y.Doc | null;
  opened: boolean;
  onClose: () => void;
}

function SaveVersionForm({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const save = useMutation({
    mutationFn: () => createVersion(documentId, label.trim()),
    onSuccess: (version) => {
      setLabel('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(documentId) });
      notifications.show({
        color: 'teal',
        message: t('documents.history.savedVersion', { label: version.label }),
      });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() !== '') save.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('documents.history.labelLabel')}
            placeholder={t('documents.history.labelPlaceholder')}
            value={label}
            maxLength={LABEL_MAX}
            onChange={(event) => setLabel(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={16} />}
            loading={save.isPending}
            disabled={label.trim() === ''}
          >
            {t('documents.history.save')}
          </Button>
        </Group>
        {save.isError && <QueryError error={save.error} />}
      </Stack>
    </form>
  );
}

export function HistoryDrawer({ document, liveDoc, opened, onClose }: HistoryDrawerProps) {
  const { t } = useTranslation();
  const versions = useVersions(document.id, opened);
  const [viewing, setViewing] = useState<string | null>(null);
  const canWrite = document.access === 'write';

  return (
    <>
      <Drawer
        opened={opened}
        onClose={onClose}
        position="right"
        size="md"
        title={
          <Title order={2} fz="lg">
            {t('documents.history.title')}
          </Title>
        }
      >
        <Stack gap="lg">
          <Text fz="sm" c="dimmed">
            {t('documents.history.hint')}
          </Text>
          {canWrite && <SaveVersionForm documentId={document.id} />}
          {versions.isPending ? (
            <Loader size="sm" aria-hidden />
          ) : versions.isError ? (
            <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
          ) : (
            <VersionList versions={versions.data} onView={setViewing} />
          )}
        </Stack>
      </Drawer>
      <VersionModal
        document={document}
        versionId={viewing}
        versions={versions.data ?? []}
        liveDoc={liveDoc}
        onClose={() => setViewing(null)}
      />
    </>
  );
}
