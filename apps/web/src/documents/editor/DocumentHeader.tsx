// The editor page's header: title, owner and sharing, who is here, save state, Discussion, Share,
// History, and Comments on narrow screens.
import { Anchor, Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconHistory, IconMessageCircle, IconShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SharedDocument } from '../../api/types';
import { DocumentDiscussionButton } from '../../discussions/DocumentDiscussionButton';
import { AccessBadge } from '../AccessBadge';
import { PresenceAvatars } from './PresenceAvatars';
import type { Participant } from './presence';
import { SaveIndicator } from './SaveIndicator';
import type { SaveState } from './saveState';
import { TitleField } from './TitleField';

interface DocumentHeaderProps {
  document: SharedDocument;
  people: Participant[];
  meId: string;
  saveState: SaveState;
  onShare: () => void;
  onHistory: () => void;
  /** Opens the comments drawer; null when the comments sit beside the text. */
  onComments: (() => void) | null;
}

function Sharing({ document }: { document: SharedDocument }) {
  const { t } = useTranslation();
  const owner = document.ownerCity?.name;
  const shared = document.cities.map((city) =>
    t(`documents.sharing.${city.access}`, { city: city.name }),
  );
  return (
    <Text fz="sm" c="dimmed">
      {owner ? t('documents.sharing.owner', { city: owner }) : null}
      {owner && shared.length > 0 ? ' · ' : null}
      {shared.length > 0 ? t('documents.sharing.with', { cities: shared.join(', ') }) : null}
      {!owner && shared.length === 0 ? t('documents.list.notShared') : null}
    </Text>
  );
}

export function DocumentHeader(props: DocumentHeaderProps) {
  const { document, people, meId, saveState, onShare, onHistory, onComments } = props;
  const { t } = useTranslation();
  // A proposal's body is renamed and shared through its proposal (the API answers 409 here).
  const managed = document.kind === 'proposal';

  return (
    <Stack gap={6}>
      <Anchor component={Link} to="/documents" fz="sm" c="dimmed" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('documents.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <TitleField document={document} readOnly={managed} />
          <Group gap="xs">
            <AccessBadge access={document.access} />
            {managed && (
              <Badge variant="light" color="unesco" tt="none">
                {t('documents.proposalBody')}
              </Badge>
            )}
            {document.archived && (
              <Badge variant="outline" color="gray" tt="none">
                {t('documents.archived')}
              </Badge>
            )}
            <Sharing document={document} />
          </Group>
        </Stack>
        <Group gap="md" pt={6}>
          <PresenceAvatars people={people} meId={meId} />
          <Divider orientation="vertical" />
          <SaveIndicator state={saveState} readOnly={document.access !== 'write'} />
          <Group gap="xs" wrap="nowrap">
            <DocumentDiscussionButton documentId={document.id} />
            {document.canManage && !managed && (
              <Button variant="default" leftSection={<IconShare size={16} />} onClick={onShare}>
                {t('documents.share.open')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconHistory size={16} />} onClick={onHistory}>
              {t('documents.history.open')}
            </Button>
            {onComments && (
              <Button
                variant="default"
                leftSection={<IconMessageCircle size={16} />}
                onClick={onComments}
              >
                {t('comments.title')}
              </Button>
            )}
          </Group>
        </Group>
      </Group>
    </Stack>
  );
}
