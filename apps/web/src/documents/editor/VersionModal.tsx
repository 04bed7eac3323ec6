// One version, read-only (alone, beside now, or as the difference from now), with "Restore this
// version" (after a confirmation) for writers.
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { restoreVersion } from '../../api/endpoints';
import { queryKeys, useVersion } from '../../api/queries';
import type { DocumentVersion, SharedDocument } from '../../api/types';
import { QueryError } from '../../app/QueryError';
import { toLanguage } from '../../i18n';
import { dateTime } from '../format';
import { VersionPreview, type VersionView } from './VersionPreview';
import { versionTitle } from './versionTitle';

interface VersionModalProps {
  document: SharedDocument;
  /** The version shown; null closes the modal. */
  versionId: string | null;
  versions: DocumentVersion[];
  /** The live document, to compare the version with; null hides the views against now. */
  liveDoc: Y.Doc | null;
  onClose: () => void;
}

export function VersionModal({
  document,
  versionId,
  versions,
  liveDoc,
  onClose,
}: VersionModalProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const queryClient = useQueryClient();
  const loaded = useVersion(document.id, versionId);
  const [confirming, setConfirming] = useState(false);
  const [chosenView, setView] = useState<VersionView>('version');
  const view = liveDoc ? chosenView : 'version';
  const version = versions.find((v) => v.id === versionId) ?? loaded.data?.version;
  const title = version ? versionTitle(version, t) : t('documents.history.title');

  const close = () => {
    setConfirming(false);
    onClose();
  };
  const restore = useMutation({
    mutationFn: (id: string) => restoreVersion(document.id, id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(document.id) });
      notifications.show({
        color: 'teal',
        message: t('documents.history.restored', { title }),
      });
      close();
    },
  });

  return (
    <Modal
      opened={versionId !== null}
      onClose={close}
      // Side by side needs the room; the text column keeps its reading width in every view.
      size={liveDoc ? '72rem' : 'xl'}
      title={
        <Text fw={650} fz="lg">
          {title}
        </Text>
      }
    >
      <Stack gap="md">
        <Group justify="space-between" gap="sm" mih={36}>
          <Text fz="sm" c="dimmed">
            {version &&
              (version.createdBy
                ? t('documents.history.byWhen', {
                    name: version.createdBy,
                    when: dateTime(version.createdAt, lang),
                  })
                : dateTime(version.createdAt, lang))}
          </Text>
          {liveDoc && (
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value as VersionView)}
              aria-label={t('documents.history.views.label')}
              data={[
                { value: 'version', label: t('documents.history.views.version') },
                { value: 'sideBySide', label: t('documents.history.views.sideBySide') },
                { value: 'difference', label: t('documents.history.views.difference') },
              ]}
            />
          )}
        </Group>
        <Paper withBorder p="md" data-testid="version-preview">
          <ScrollArea.Autosize mah="55vh">
            {loaded.isPending ? (
              <Loader size="sm" aria-hidden />
            ) : loaded.isError ? (
              <QueryError error={loaded.error} onRetry={() => void loaded.refetch()} />
            ) : (
              <VersionPreview
                state={loaded.data.state}
                label={title}
                view={view}
                liveDoc={liveDoc}
              />
            )}
          </ScrollArea.Autosize>
        </Paper>
        {restore.isError && <QueryError error={restore.error} />}
        {document.access === 'write' && versionId !== null && confirming ? (
          <Alert color="orange" variant="light" title={t('documents.history.confirmTitle')}>
            <Stack gap="sm">
              <Text fz="sm">{t('documents.history.confirmText')}</Text>
              <Group gap="sm">
                <Button
                  color="orange"
                  leftSection={<IconRestore size={16} />}
                  loading={restore.isPending}
                  onClick={() => restore.mutate(versionId)}
                >
                  {t('documents.history.confirm')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('documents.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('documents.close')}
            </Button>
            {document.access === 'write' && (
              <Button
                leftSection={<IconRestore size={16} />}
                onClick={() => setConfirming(true)}
                disabled={!loaded.data}
              >
                {t('documents.history.restore')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
