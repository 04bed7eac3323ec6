// /discussions/:channelSlug: finds the channel by its slug, follows it over the socket while
// open (live events, presence), and shows its topic list or one topic below.
import { Loader } from '@mantine/core';
import type { ChannelSummary } from '@uccn/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useOutletContext, useParams } from 'react-router';
import { QueryError } from '../app/QueryError';
import { useFollowChannel } from '../live/context';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useChannels } from './queries';

export interface ChannelOutletContext {
  channel: ChannelSummary;
}

/** The channel of the page, for the topic list and the topic view. */
export function useCurrentChannel(): ChannelSummary {
  return useOutletContext<ChannelOutletContext>().channel;
}

export function ChannelView() {
  const { t } = useTranslation();
  const { channelSlug } = useParams();
  const channels = useChannels();
  const channel = channels.data?.find((candidate) => candidate.slug === channelSlug);
  useFollowChannel(channel?.id);

  // A channel made since the list was loaded (a document's, opened from a notification): ask
  // once more before saying it does not exist.
  const askedAgainFor = useRef<string | null>(null);
  const unknown = channels.data !== undefined && !channel;
  useEffect(() => {
    if (!unknown || !channelSlug || askedAgainFor.current === channelSlug) return;
    askedAgainFor.current = channelSlug;
    void channels.refetch();
  }, [unknown, channelSlug, channels]);

  if (channels.isError) {
    return <QueryError error={channels.error} onRetry={() => void channels.refetch()} />;
  }
  if (channels.isPending || (unknown && channels.isFetching)) {
    return <Loader size="sm" aria-label={t('app.loading')} />;
  }
  if (!channel) {
    return (
      <NotFoundPage
        title={t('discussions.channelNotFound.title')}
        description={t('discussions.channelNotFound.description')}
      />
    );
  }
  return <Outlet context={{ channel } satisfies ChannelOutletContext} />;
}
