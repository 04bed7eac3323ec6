// The versions of a document, newest first: what each is, who saved it and when.
import { Button, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBookmark, IconClock, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion, VersionKind } from '../../api/types';
import { toLanguage } from '../../i18n';
import { dateTime, timeAgo } from '../format';
import { versionTitle } from './versionTitle';

const LOOK: Record<VersionKind, { icon: typeof IconClock; color: string }> = {
  named: { icon: IconBookmark, color: 'unesco' },
  auto: { icon: IconClock, color: 'gray' },
  'before-restore': { icon: IconRestore, color: 'orange' },
};

interface VersionListProps {
  versions: DocumentVersion[];
  onView: (versionId: string) => void;
}

export function VersionList({ versions, onView }: VersionListProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const now = new Date();

  if (versions.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('documents.history.none')}
      </Text>
    );
  }

  return (
    <Stack gap={0} role="list" aria-label={t('documents.history.listLabel')}>
      {versions.map((version) => {
        const { icon: Icon, color } = LOOK[version.kind];
        const title = versionTitle(version, t);
        const when = timeAgo(version.createdAt, now, lang);
        return (
          <Group
            key={version.id}
            role="listitem"
            wrap="nowrap"
            gap="sm"
            py="sm"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="version"
          >
            <ThemeIcon variant="light" color={color} radius="xl" size={32}>
              <Icon size={16} aria-hidden />
            </ThemeIcon>
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text fw={version.kind === 'named' ? 600 : 500} fz="sm" truncate>
                {title}
              </Text>
              <Tooltip label={dateTime(version.createdAt, lang)}>
                <Text fz="xs" c="dimmed" w="fit-content">
                  {version.createdBy
                    ? t('documents.history.byWhen', { name: version.createdBy, when })
                    : when}
                </Text>
              </Tooltip>
            </Stack>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => onView(version.id)}
              aria-label={t('documents.history.viewNamed', { title })}
            >
              {t('documents.history.view')}
            </Button>
          </Group>
        );
      })}
    </Stack>
  );
}
