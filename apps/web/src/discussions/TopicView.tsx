// /discussions/:channel/:topic: the topic's messages live, the composer, who types and who is
// online, "Jump to first unread", and the Secretariat's lock and moderation.
import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { Author, ThreadMessage } from '@uccn/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { canModerate } from '../auth/permissions';
import { useLive, useOnlineMembers, usePendingMessages } from '../live/context';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useCurrentChannel } from './ChannelView';
import { Composer } from './Composer';
import { channelPath, topicPath, useChannelName } from './channelName';
import { lockTopic } from './endpoints';
import { MessageItem } from './MessageItem';
import { type ListFocus, MessageList } from './MessageList';
import { HideMessageModal, MuteUserModal } from './ModerationModals';
import { OnlineMembers } from './OnlineMembers';
import { pendingToShow } from './outbox';
import { PendingItem } from './PendingItem';
import { PostingNotice, postingBlock } from './PostingNotice';
import { type TopicWithChannel, useTopic } from './queries';
import { TypingIndicator } from './TypingIndicator';
import { useMessageRequests } from './useMessageActions';
import { useTopicWindow } from './useTopicWindow';
import { useTypingSignal, useTypists } from './useTyping';

/** How long a linked message stays highlighted. */
const HIGHLIGHT_MS = 4_000;
/** "Jump to first unread" is offered when more than this many messages follow it. */
const JUMP_FROM = 8;

function nearTheEnd(messages: ThreadMessage[], id: string): boolean {
  const index = messages.findIndex((message) => message.id === id);
  return index !== -1 && messages.length - index <= JUMP_FROM;
}

export function TopicRoute() {
  const { topicId = '' } = useParams();
  // A new topic is a new page: its window, marks and drafts start afresh.
  return <TopicLoader key={topicId} topicId={topicId} />;
}

function TopicLoader({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  const channel = useCurrentChannel();
  const topic = useTopic(topicId);
  if (topic.isError) {
    const missing = (topic.error as { status?: number }).status === 404;
    return missing ? (
      <NotFoundPage
        title={t('discussions.topicNotFound.title')}
        description={t('discussions.topicNotFound.description')}
      />
    ) : (
      <QueryError error={topic.error} onRetry={() => void topic.refetch()} />
    );
  }
  if (topic.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  // An old link with another channel's slug: go to where the topic is.
  if (topic.data.channel.id !== channel.id) {
    return <Navigate to={topicPath(topic.data.channel.slug, topicId)} replace />;
  }
  return <TopicView data={topic.data} />;
}

function TopicView({ data }: { data: TopicWithChannel }) {
  const { t } = useTranslation();
  const { topic } = data;
  const channel = useCurrentChannel();
  const channelName = useChannelName();
  usePageTitle(topic.title);
  const me = useMe().data;
  const myUserId = me?.user.id ?? '';
  const moderator = canModerate(me);
  const { outbox, status, cache } = useLive();
  const [params] = useSearchParams();
  const linkedId = params.get('message');
  const view = useTopicWindow(channel.id, topic.id, linkedId);
  const requests = useMessageRequests();
  const typists = useTypists(topic.id, myUserId);
  const sendTyping = useTypingSignal(topic.id);
  const online = useOnlineMembers(channel.id);
  const pendingAll = usePendingMessages();
  // Captured on opening: reading the topic clears it on the server, the divider should stay.
  const [firstUnreadId] = useState(topic.firstUnreadMessageId);
  const [highlightId, setHighlightId] = useState<string | null>(linkedId);
  const [focus, setFocus] = useState<ListFocus>({ messageId: linkedId });
  const [hiding, setHiding] = useState<ThreadMessage | null>(null);
  const [muting, setMuting] = useState<Author | null>(null);
  const [deleting, setDeleting] = useState<ThreadMessage | null>(null);

  const show = useCallback((messageId: string | null) => {
    setFocus({ messageId });
    setHighlightId(messageId);
  }, []);
  // A notification opened while on this topic links to another message.
  useEffect(() => {
    if (linkedId) show(linkedId);
  }, [linkedId, show]);
  useEffect(() => {
    if (!highlightId) return;
    const timer = setTimeout(() => setHighlightId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightId]);

  const lock = useMutation({
    mutationFn: (locked: boolean) => lockTopic(topic.id, locked),
    onSuccess: (updated) => cache.topic(updated),
  });

  const loaded = view.messages.data;
  const stored = useMemo(() => loaded?.messages ?? [], [loaded]);
  const byId = useMemo(() => new Map(stored.map((message) => [message.id, message])), [stored]);
  const nameOf = useCallback(
    (userId: string) =>
      stored.find((message) => message.author?.id === userId)?.author?.name ??
      online.find((member) => member.userId === userId)?.name ??
      t('discussions.reactions.someone'),
    [stored, online, t],
  );
  const pending = pendingToShow(pendingAll, topic.id, stored, myUserId);
  const block = postingBlock(channel, topic.locked, moderator);
  const interactive = status === 'connected' && block === null;
  const meAsAuthor: Author | null = me
    ? {
        id: me.user.id,
        name: me.user.name,
        city: me.city && { slug: me.city.slug, name: me.city.name },
        role: me.user.role,
      }
    : null;

  const jumpToFirstUnread = () => {
    if (!firstUnreadId) return;
    view.jumpTo(firstUnreadId);
    show(firstUnreadId);
  };
  const showLatest = () => {
    view.showLatest();
    show(null);
  };

  return (
    <Stack gap="sm">
      <Anchor component={Link} to={channelPath(channel)} fz="sm" c="dimmed" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {channelName(channel)}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere', flex: '1 1 320px' }}>
          {topic.title}
        </Title>
        <Group gap="sm">
          <OnlineMembers channelId={channel.id} />
          {firstUnreadId && !nearTheEnd(stored, firstUnreadId) && (
            <Button variant="light" size="xs" onClick={jumpToFirstUnread}>
              {t('discussions.topic.jumpToUnread')}
            </Button>
          )}
          {moderator && (
            <Button
              variant="default"
              size="xs"
              leftSection={topic.locked ? <IconLockOpen size={14} /> : <IconLock size={14} />}
              loading={lock.isPending}
              onClick={() => lock.mutate(!topic.locked)}
            >
              {t(topic.locked ? 'discussions.moderation.unlock' : 'discussions.moderation.lock')}
            </Button>
          )}
        </Group>
      </Group>
      {lock.isError && <QueryError error={lock.error} />}
      {topic.locked && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock size={18} />}
          data-testid="locked-banner"
        >
          {t(moderator ? 'discussions.topic.lockedModerator' : 'discussions.topic.lockedBanner')}
        </Alert>
      )}

      {view.messages.isError ? (
        <QueryError error={view.messages.error} onRetry={() => void view.messages.refetch()} />
      ) : !loaded ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (
        <MessageList
          messageWindow={loaded}
          focus={focus}
          firstUnreadId={firstUnreadId}
          loading={view.loading}
          loadOlder={view.loadOlder}
          loadNewer={view.loadNewer}
          pendingCount={pending.length}
          renderMessage={(id) => {
            const message = byId.get(id);
            return message ? (
              <MessageItem
                message={message}
                myUserId={myUserId}
                moderator={moderator}
                interactive={interactive}
                highlighted={highlightId === id}
                nameOf={nameOf}
                actions={{ ...requests, remove: setDeleting, hide: setHiding, mute: setMuting }}
              />
            ) : null;
          }}
          pending={
            meAsAuthor &&
            pending.map((item) => (
              <PendingItem
                key={item.key}
                pending={item}
                author={meAsAuthor}
                onRetry={() => outbox.retry(item.key)}
                onDiscard={() => outbox.discard(item.key)}
              />
            ))
          }
        />
      )}
      {loaded?.hasAfter && (
        <Button variant="subtle" size="xs" w="fit-content" onClick={showLatest}>
          {t('discussions.topic.showLatest')}
        </Button>
      )}
      <TypingIndicator typists={typists} />
      {block ? (
        // A locked topic says so in its banner above.
        block !== 'locked' && <PostingNotice block={block} channel={channel} />
      ) : (
        <>
          {(status === 'reconnecting' || status === 'offline') && (
            <Text fz="xs" c="orange.8" role="status">
              {t('discussions.composer.offline')}
            </Text>
          )}
          <Composer
            draftKey={topic.id}
            onTyping={sendTyping}
            onSend={(body) => {
              // Replying from an older part of the topic: go to the end, where the reply shows.
              if (loaded?.hasAfter) showLatest();
              outbox.send({
                channelId: channel.id,
                topicId: topic.id,
                body,
                afterId: stored.at(-1)?.id ?? null,
              });
            }}
          />
        </>
      )}

      <HideMessageModal message={hiding} onClose={() => setHiding(null)} />
      <MuteUserModal channelId={channel.id} author={muting} onClose={() => setMuting(null)} />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('discussions.message.deleteTitle')}
      >
        <Stack>
          <Text>{t('discussions.message.deleteConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('discussions.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (deleting) requests.remove(deleting);
                setDeleting(null);
              }}
            >
              {t('discussions.message.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
