// A document's comment threads for React: fetched over HTTP, kept live by `comment:changed` on
// the app's socket while mounted (watching the document), and the changes one can make.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentAnchor, CommentThread } from '@uccn/protocol';
import { useCallback, useEffect } from 'react';
import { useLive } from '../live/context';
import { request, type ThreadSocket } from '../live/socket';
import {
  createComment,
  deleteComment,
  editComment,
  getComments,
  replyToComment,
  setResolved,
} from './endpoints';
import { applyThreadChange } from './threadList';

export const commentKeys = {
  document: (documentId: string) => ['comments', documentId] as const,
};

/** How many mounted hooks watch each document on a socket: the last one unwatches. */
const watchers = new WeakMap<ThreadSocket, Map<string, number>>();

function countOf(socket: ThreadSocket) {
  let counts = watchers.get(socket);
  if (!counts) {
    counts = new Map();
    watchers.set(socket, counts);
  }
  return counts;
}

/**
 * The threads of a document and the actions on them.
 *
 * @example const { threads, create, reply, resolve } = useComments(documentId)
 */
export function useComments(documentId: string) {
  const queryClient = useQueryClient();
  const { socket } = useLive();
  const key = commentKeys.document(documentId);

  const query = useQuery({
    queryKey: key,
    queryFn: () => getComments(documentId),
    // The socket keeps it current; a slow poll covers a long disconnection.
    refetchInterval: 5 * 60_000,
  });

  const apply = useCallback(
    (thread: CommentThread) => {
      if (thread.documentId !== documentId) return;
      queryClient.setQueryData<CommentThread[]>(commentKeys.document(documentId), (threads) =>
        threads ? applyThreadChange(threads, thread) : threads,
      );
    },
    [queryClient, documentId],
  );

  useEffect(() => {
    if (!socket) return;
    const counts = countOf(socket);
    counts.set(documentId, (counts.get(documentId) ?? 0) + 1);
    const watch = (caughtUp: boolean) => {
      request(socket, 'comments:watch', { documentId })
        .then(() => {
          // What changed while we were away came to nobody: read the list again.
          if (!caughtUp) {
            void queryClient.invalidateQueries({ queryKey: commentKeys.document(documentId) });
          }
        })
        .catch((error) => console.warn(`[live] comments of ${documentId}:`, error));
    };
    // socket.io's recovery restores the room and replays what was missed; otherwise join again.
    const onConnect = () => {
      if (!socket.recovered) watch(false);
    };
    const onChanged = ({ comment }: { comment: CommentThread }) => apply(comment);
    socket.on('connect', onConnect);
    socket.on('comment:changed', onChanged);
    if (socket.connected && counts.get(documentId) === 1) watch(true);
    return () => {
      socket.off('connect', onConnect);
      socket.off('comment:changed', onChanged);
      const left = (counts.get(documentId) ?? 1) - 1;
      if (left > 0) {
        counts.set(documentId, left);
        return;
      }
      counts.delete(documentId);
      if (socket.connected) {
        request(socket, 'comments:unwatch', { documentId }).catch(() => {
          // Gone already (the socket closed): nothing left to undo.
        });
      }
    };
  }, [socket, documentId, apply, queryClient]);

  const create = useMutation({
    mutationFn: (input: { anchor: CommentAnchor; quote: string; body: string }) =>
      createComment(documentId, input),
    onSuccess: apply,
  });
  const reply = useMutation({
    mutationFn: ({ threadId, body }: { threadId: string; body: string }) =>
      replyToComment(threadId, body),
    onSuccess: ({ thread }) => apply(thread),
  });
  const resolve = useMutation({
    mutationFn: ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
      setResolved(threadId, resolved),
    onSuccess: apply,
  });
  const edit = useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) =>
      editComment(commentId, body),
    onSuccess: apply,
  });
  const remove = useMutation({
    mutationFn: (commentId: string) => deleteComment(commentId),
    onSuccess: apply,
  });

  return { ...query, threads: query.data ?? [], key, create, reply, resolve, edit, remove };
}
