// Why the user cannot post here, when they cannot: muted (until when), announcements, locked.
import { Alert } from '@mantine/core';
import { IconLock, IconMicrophoneOff, IconSpeakerphone } from '@tabler/icons-react';
import type { ChannelSummary } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../documents/format';
import { toLanguage } from '../i18n';

/** Why posting is closed in a channel (or one topic of it), or null when it is open. */
export function postingBlock(
  channel: ChannelSummary,
  topicLocked: boolean,
  moderator: boolean,
): 'muted' | 'announcements' | 'locked' | 'closed' | null {
  if (channel.mutedUntil && new Date(channel.mutedUntil).getTime() > Date.now()) return 'muted';
  if (!channel.canPost) return channel.kind === 'announcements' ? 'announcements' : 'closed';
  if (topicLocked && !moderator) return 'locked';
  return null;
}

export function PostingNotice({
  block,
  channel,
}: {
  block: NonNullable<ReturnType<typeof postingBlock>>;
  channel: ChannelSummary;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const icon = {
    muted: <IconMicrophoneOff size={18} aria-hidden />,
    announcements: <IconSpeakerphone size={18} aria-hidden />,
    locked: <IconLock size={18} aria-hidden />,
    closed: <IconLock size={18} aria-hidden />,
  }[block];
  const text =
    block === 'muted'
      ? t('discussions.posting.muted', { until: dateTime(channel.mutedUntil ?? '', lang) })
      : t(`discussions.posting.${block}`);
  return (
    <Alert
      color={block === 'muted' ? 'orange' : 'gray'}
      variant="light"
      icon={icon}
      data-testid="posting-notice"
    >
      {text}
    </Alert>
  );
}
