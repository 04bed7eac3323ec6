// The window of messages a topic page shows: where it opens (newest, or a linked message),
// loading older and newer pages, jumping to the first unread, and marking the topic read.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLive } from '../live/context';
import { request } from '../live/socket';
import { type MessageWindow, mergePage } from './cache';
import { getMessages, type MessageAnchor } from './endpoints';
import { threadKeys, useMessages } from './queries';

const LATEST: MessageAnchor = { kind: 'latest' };

function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export function useTopicWindow(channelId: string, topicId: string, linkedMessageId: string | null) {
  const queryClient = useQueryClient();
  const { socket, status, cache } = useLive();
  const [anchor, setAnchor] = useState<MessageAnchor>(() =>
    linkedMessageId ? { kind: 'around', messageId: linkedMessageId } : LATEST,
  );
  const [loading, setLoading] = useState<'older' | 'newer' | null>(null);
  const messages = useMessages(channelId, topicId, anchor);
  const key = useMemo(
    () => threadKeys.messages(channelId, topicId, anchor),
    [channelId, topicId, anchor],
  );

  const loadPage = useCallback(
    async (side: 'before' | 'after') => {
      const current = queryClient.getQueryData<MessageWindow>(key);
      const edge = side === 'before' ? current?.messages[0] : current?.messages.at(-1);
      if (!current || !edge || loading) return;
      setLoading(side === 'before' ? 'older' : 'newer');
      try {
        const page = await getMessages(topicId, { kind: side, messageId: edge.id });
        queryClient.setQueryData<MessageWindow>(key, (window) =>
          window ? mergePage(window, page, side) : window,
        );
      } catch (error) {
        // The buttons stay, so the reader can try again; the cause goes to the console.
        console.warn('[discussions] could not load more messages:', error);
      } finally {
        setLoading(null);
      }
    },
    [queryClient, key, topicId, loading],
  );

  /** Shows a message: scrolls if loaded, else opens the window around it. */
  const jumpTo = useCallback(
    (messageId: string) => {
      const current = queryClient.getQueryData<MessageWindow>(key);
      if (current?.messages.some((message) => message.id === messageId)) return;
      setAnchor({ kind: 'around', messageId });
    },
    [queryClient, key],
  );

  // A notification opened while on this topic links to another message: open there, unless
  // it is loaded already. Only a new link should move the window, not a new page of it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the linked id is the trigger.
  useEffect(() => {
    if (linkedMessageId) jumpTo(linkedMessageId);
  }, [linkedMessageId]);

  // Mark read up to the newest stored message while the reader has the topic open and sees
  // the live end; once per new message, a moment after it shows.
  const visible = useDocumentVisible();
  const loaded = messages.data;
  const newestId = loaded && !loaded.hasAfter ? loaded.messages.at(-1)?.id : undefined;
  const lastRead = useRef<string | null>(null);
  useEffect(() => {
    if (!newestId || !visible || status !== 'connected' || !socket) return;
    if (lastRead.current === newestId) return;
    const timer = setTimeout(() => {
      lastRead.current = newestId;
      request(socket, 'topic:read', { topicId, messageId: newestId })
        .then(() => cache.read(channelId, topicId))
        .catch((error: unknown) => {
          lastRead.current = null;
          console.warn('[discussions] could not mark the topic read:', error);
        });
    }, 600);
    return () => clearTimeout(timer);
  }, [newestId, visible, status, socket, topicId, channelId, cache]);

  return {
    messages,
    anchor,
    loading,
    loadOlder: useCallback(() => void loadPage('before'), [loadPage]),
    loadNewer: useCallback(() => void loadPage('after'), [loadPage]),
    showLatest: useCallback(() => setAnchor(LATEST), []),
    jumpTo,
  };
}
