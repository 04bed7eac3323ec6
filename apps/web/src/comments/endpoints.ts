// The comments' HTTP endpoints: a document's threads, and every change, each answered with the
// thread as it is now.
import type { CommentAnchor, CommentThread, DocumentComment } from '@uccn/protocol';
import { apiRequest } from '../api/client';

type ThreadAnswer = { thread: CommentThread };

export async function getComments(documentId: string): Promise<CommentThread[]> {
  return (await apiRequest<{ threads: CommentThread[] }>(`/api/documents/${documentId}/comments`))
    .threads;
}

export async function createComment(
  documentId: string,
  input: { anchor: CommentAnchor; quote: string; body: string },
): Promise<CommentThread> {
  const path = `/api/documents/${documentId}/comments`;
  return (await apiRequest<ThreadAnswer>(path, { method: 'POST', body: input })).thread;
}

export function replyToComment(
  commentId: string,
  body: string,
): Promise<{ thread: CommentThread; reply: DocumentComment }> {
  return apiRequest(`/api/comments/${commentId}/replies`, { method: 'POST', body: { body } });
}

export async function setResolved(commentId: string, resolved: boolean): Promise<CommentThread> {
  const path = `/api/comments/${commentId}/${resolved ? 'resolve' : 'reopen'}`;
  return (await apiRequest<ThreadAnswer>(path, { method: 'POST' })).thread;
}

export async function editComment(commentId: string, body: string): Promise<CommentThread> {
  const path = `/api/comments/${commentId}`;
  return (await apiRequest<ThreadAnswer>(path, { method: 'PATCH', body: { body } })).thread;
}

export async function deleteComment(commentId: string): Promise<CommentThread> {
  return (await apiRequest<ThreadAnswer>(`/api/comments/${commentId}`, { method: 'DELETE' }))
    .thread;
}
