// The typing indicator of a topic: others' signals from the socket, expiring by themselves, and
// our own signal, sent at most every two seconds while the user writes.
import type { OnlineMember, ThreadMessage } from '@uccn/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLive } from '../live/context';
import {
  activeTypists,
  nextExpiry,
  shouldSendTyping,
  type TypingEntry,
  updateTyping,
  withoutTypist,
} from './typing';

/** Who else is typing in the topic now. */
export function useTypists(topicId: string, myUserId: string): OnlineMember[] {
  const { socket } = useLive();
  const [entries, setEntries] = useState<TypingEntry[]>([]);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    setEntries([]);
    if (!socket) return;
    const onTyping = (event: { topicId: string; user: OnlineMember; typing: boolean }) => {
      if (event.topicId !== topicId || event.user.userId === myUserId) return;
      const at = Date.now();
      setNow(at);
      setEntries((current) => updateTyping(current, event.user, event.typing, at));
    };
    // A message from someone ends their typing, whenever their own "stopped" arrives.
    const onMessage = ({ message }: { message: ThreadMessage }) => {
      const authorId = message.author?.id;
      if (message.topicId !== topicId || !authorId) return;
      setEntries((current) => withoutTypist(current, authorId));
    };
    socket.on('typing', onTyping);
    socket.on('message:changed', onMessage);
    return () => {
      socket.off('typing', onTyping);
      socket.off('message:changed', onMessage);
    };
  }, [socket, topicId, myUserId]);

  // Re-renders when the next entry expires, so that a silent typist disappears on time.
  useEffect(() => {
    const next = nextExpiry(entries, now);
    if (next === null) return;
    const timer = setTimeout(() => setNow(Date.now()), next - now + 10);
    return () => clearTimeout(timer);
  }, [entries, now]);

  return activeTypists(entries, now);
}

/** A function to call on each change of the draft: it sends `typing` when due. */
export function useTypingSignal(topicId: string): (typing: boolean) => void {
  const { socket } = useLive();
  // The topic page remounts for another topic, so this starts afresh with it.
  const lastSent = useRef<number | null>(null);
  return useCallback(
    (typing: boolean) => {
      if (!socket?.connected) return;
      const now = Date.now();
      if (typing && !shouldSendTyping(lastSent.current, now)) return;
      if (!typing && lastSent.current === null) return;
      lastSent.current = typing ? now : null;
      // Volatile: a typing signal is worthless later, so socket.io must not queue it offline.
      socket.volatile.emit('typing', { topicId, typing });
    },
    [socket, topicId],
  );
}
