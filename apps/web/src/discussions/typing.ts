// Who is typing in a topic: entries that expire by themselves, and how often to say we type.
import type { OnlineMember } from '@uccn/protocol';

/** Someone who stopped sending `typing` for this long is no longer shown. */
export const TYPING_EXPIRY_MS = 5_000;
/** We repeat `typing` at most this often while the user types. */
export const TYPING_THROTTLE_MS = 2_000;

export interface TypingEntry {
  user: OnlineMember;
  /** When to stop showing them (ms since the epoch). */
  until: number;
}

/** The roster after someone started (or went on) typing, or stopped. */
export function updateTyping(
  entries: TypingEntry[],
  user: OnlineMember,
  typing: boolean,
  now: number,
): TypingEntry[] {
  const others = entries.filter((entry) => entry.user.userId !== user.userId);
  return typing ? [...others, { user, until: now + TYPING_EXPIRY_MS }] : others;
}

/** The roster without someone: their message arrived, so they are done typing it. */
export function withoutTypist(entries: TypingEntry[], userId: string): TypingEntry[] {
  return entries.some((entry) => entry.user.userId === userId)
    ? entries.filter((entry) => entry.user.userId !== userId)
    : entries;
}

/** Who is still typing at `now`, in the order they started. */
export function activeTypists(entries: TypingEntry[], now: number): OnlineMember[] {
  return entries.filter((entry) => entry.until > now).map((entry) => entry.user);
}

/** When the next entry expires, to re-render then; null when none is left. */
export function nextExpiry(entries: TypingEntry[], now: number): number | null {
  const pending = entries.map((entry) => entry.until).filter((until) => until > now);
  return pending.length > 0 ? Math.min(...pending) : null;
}

/** Whether to send `typing` now, given when we last sent it (null: not since we stopped). */
export function shouldSendTyping(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= TYPING_THROTTLE_MS;
}
