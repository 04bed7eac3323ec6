// The list of a document's threads as the browser keeps it: a changed thread replaces its copy
// (or joins the list), a thread whose comments are all deleted leaves it; and the order the
// panel shows, by place in the text.
import type { CommentThread } from '@uccn/protocol';

/** A thread whose first comment and every reply are deleted is not shown. */
export function isGone(thread: CommentThread): boolean {
  return thread.deleted && thread.replies.every((reply) => reply.deleted);
}

/**
 * The list after `thread` changed (from an answer or from `comment:changed`), oldest first.
 *
 * @example applyThreadChange(threads, changed) // same length, the changed copy in place
 */
export function applyThreadChange(
  threads: readonly CommentThread[],
  thread: CommentThread,
): CommentThread[] {
  const others = threads.filter((entry) => entry.id !== thread.id);
  if (isGone(thread)) return others;
  return [...others, thread].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/**
 * The threads to show, in the order of their place in the text; threads whose text is gone
 * (no range) come last, oldest first. Resolved ones only when asked.
 */
export function visibleThreads(
  threads: readonly CommentThread[],
  ranges: ReadonlyMap<string, { from: number }>,
  showResolved: boolean,
): CommentThread[] {
  const place = (thread: CommentThread) => ranges.get(thread.id)?.from ?? Number.POSITIVE_INFINITY;
  return threads
    .filter((thread) => showResolved || thread.resolved === null)
    .map((thread, index) => ({ thread, index }))
    .sort((a, b) => place(a.thread) - place(b.thread) || a.index - b.index)
    .map(({ thread }) => thread);
}
