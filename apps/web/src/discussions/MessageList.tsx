// The scrolling list of a topic's messages, oldest at the top: loads older ones when scrolled to
// the top, stays at the bottom as new ones arrive (if the reader was there), marks where the
// unread ones start, and brings a linked message into view.
import { Box, Button, Center, Divider, Loader } from '@mantine/core';
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageWindow } from './cache';
import { compareIds } from './cache';

/** A request to bring a message (or, with null, the newest) into view. */
export interface ListFocus {
  messageId: string | null;
}

/** Within this many pixels of the bottom, the list follows new messages. */
const STICKY_PX = 80;

interface MessageListProps {
  messageWindow: MessageWindow;
  renderMessage: (id: string) => ReactNode;
  /** Pending messages, after the stored ones. */
  pending: ReactNode;
  pendingCount: number;
  loadOlder: () => void;
  loadNewer: () => void;
  loading: 'older' | 'newer' | null;
  /** Where to scroll once loaded: a message, or the bottom. A new object asks again. */
  focus: ListFocus;
  firstUnreadId: string | null;
}

export function MessageList(props: MessageListProps) {
  const {
    messageWindow,
    renderMessage,
    pending,
    pendingCount,
    loadOlder,
    loadNewer,
    loading,
    focus,
    firstUnreadId,
  } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const previous = useRef<{ firstId?: string; height: number }>({ height: 0 });
  const focused = useRef<ListFocus | null>(null);
  const firstId = messageWindow.messages[0]?.id;
  const lastId = messageWindow.messages.at(-1)?.id;

  // Older messages went in above: keep what the reader was looking at in place.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const before = previous.current;
    if (before.firstId && firstId && compareIds(firstId, before.firstId) < 0) {
      box.scrollTop += box.scrollHeight - before.height;
    }
    previous.current = { firstId, height: box.scrollHeight };
  });

  // A new message at the bottom (or a pending one): follow it if the reader was at the bottom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the last id and pending count are the triggers.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && stick.current && focused.current === focus) box.scrollTop = box.scrollHeight;
  }, [lastId, pendingCount]);

  // The message asked for, once it is in the list: centred; otherwise the bottom.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || focused.current === focus) return;
    if (focus.messageId) {
      const selector = `[data-message-id="${CSS.escape(focus.messageId)}"]`;
      const target = box.querySelector<HTMLElement>(selector);
      if (!target) return;
      box.scrollTop = target.offsetTop - box.clientHeight / 2 + target.clientHeight / 2;
      stick.current = false;
    } else {
      box.scrollTop = box.scrollHeight;
    }
    focused.current = focus;
  });

  useEffect(() => {
    const sentinel = topSentinel.current;
    if (!sentinel || !messageWindow.hasBefore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadOlder();
      },
      { root: scroller.current, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [messageWindow.hasBefore, loadOlder]);

  return (
    <Box
      ref={scroller}
      onScroll={(event) => {
        const box = event.currentTarget;
        stick.current = box.scrollHeight - box.scrollTop - box.clientHeight < STICKY_PX;
      }}
      role="log"
      aria-label={t('discussions.topic.messages')}
      data-testid="message-list"
      style={{
        position: 'relative',
        overflowY: 'auto',
        height: 'max(320px, calc(100dvh - 400px))',
      }}
    >
      <div ref={topSentinel} />
      {messageWindow.hasBefore && (
        <Center py="xs">
          <Button variant="subtle" size="xs" onClick={loadOlder} loading={loading === 'older'}>
            {t('discussions.topic.loadOlder')}
          </Button>
        </Center>
      )}
      {messageWindow.messages.map((message) => (
        <div key={message.id}>
          {message.id === firstUnreadId && (
            <Divider
              color="red.6"
              label={t('discussions.topic.newMessages')}
              labelPosition="right"
              my={4}
              c="red.7"
            />
          )}
          {renderMessage(message.id)}
        </div>
      ))}
      {messageWindow.hasAfter ? (
        <Center py="xs">
          <Button variant="subtle" size="xs" onClick={loadNewer} loading={loading === 'newer'}>
            {t('discussions.topic.loadNewer')}
          </Button>
        </Center>
      ) : (
        pending
      )}
      {loading && messageWindow.messages.length === 0 && <Loader size="sm" />}
    </Box>
  );
}
