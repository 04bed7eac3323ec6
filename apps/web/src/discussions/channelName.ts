// A channel's name in the current language: a field's own name, "Announcements", a document's title.
import type { ChannelSummary } from '@uccn/protocol';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../i18n';
import { localizedName } from '../i18n/names';

export function useChannelName(): (channel: ChannelSummary) => string {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useCallback(
    (channel: ChannelSummary) => {
      if (channel.kind === 'announcements') return t('discussions.channels.announcements');
      if (channel.kind === 'field' && channel.field) return localizedName(channel.field, lang);
      return channel.name;
    },
    [t, lang],
  );
}

/** Where a channel's page is. */
export function channelPath(channel: Pick<ChannelSummary, 'slug'>): string {
  return `/discussions/${encodeURIComponent(channel.slug)}`;
}

/** Where a topic's page is, optionally at one message. */
export function topicPath(channelSlug: string, topicId: string, messageId?: string): string {
  const base = `/discussions/${encodeURIComponent(channelSlug)}/${encodeURIComponent(topicId)}`;
  return messageId ? `${base}?message=${encodeURIComponent(messageId)}` : base;
}
