// The comments beside a document: start a thread on the selected text, read threads in the order
// of their place in the text, reply, resolve and reopen, and show resolved ones on request.
// Clicking a thread selects its text; clicking marked text in the editor opens its thread.
import { Button, Group, Loader, ScrollArea, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { CommentAnchor, CommentThread } from '@uccn/protocol';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { createCommentFromSelection } from './anchor';
import { CommentComposer } from './CommentComposer';
import {
  commentRanges,
  selectThreadRange,
  setActiveCommentThread,
  setCommentThreads,
} from './commentHighlights';
import { type ThreadActions, ThreadCard } from './ThreadCard';
import { visibleThreads } from './threadList';
import { useComments } from './useComments';
import './comments.css';

export interface CommentsPanelProps {
  documentId: string;
  /** The document's live editor, with `CommentHighlights` among its extensions; null while it loads. */
  editor: Editor | null;
  /** The thread being read: marked stronger in the text, with its reply box open. */
  activeThreadId: string | null;
  onActiveThreadChange: (threadId: string | null) => void;
}

interface Draft {
  anchor: CommentAnchor;
  quote: string;
}

export function CommentsPanel({
  documentId,
  editor,
  activeThreadId,
  onActiveThreadChange,
}: CommentsPanelProps) {
  const { t } = useTranslation();
  const myUserId = useMe().data?.user.id ?? null;
  const comments = useComments(documentId);
  const { threads } = comments;
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);

  // What the panel needs of the editor, read again after each transaction.
  const view = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      hasSelection: current ? !current.state.selection.empty : false,
      starts: current
        ? Object.fromEntries(
            [...commentRanges(current.state)].map(([id, range]) => [id, range.from]),
          )
        : {},
    }),
  });
  const starts = view?.starts ?? {};
  const ranges = useMemo(
    () => new Map(Object.entries(starts).map(([id, from]) => [id, { from }])),
    [starts],
  );

  useEffect(() => {
    if (editor) setCommentThreads(editor, threads);
  }, [editor, threads]);
  useEffect(() => {
    if (editor) setActiveCommentThread(editor, activeThreadId);
  }, [editor, activeThreadId]);

  const shown = visibleThreads(threads, ranges, showResolved);
  const resolvedCount = threads.filter((thread) => thread.resolved !== null).length;

  const select = (thread: CommentThread) => {
    onActiveThreadChange(thread.id);
    if (editor) selectThreadRange(editor, thread.id, thread.anchor);
  };
  const startDraft = () => {
    const made = editor ? createCommentFromSelection(editor) : null;
    if (made) setDraft(made);
  };
  const actions: ThreadActions = {
    reply: (thread, body) => comments.reply.mutateAsync({ threadId: thread.id, body }),
    setResolved: (thread, resolved) => {
      comments.resolve.mutate({ threadId: thread.id, resolved });
      if (resolved && thread.id === activeThreadId) onActiveThreadChange(null);
    },
    edit: (commentId, body) => comments.edit.mutateAsync({ commentId, body }),
    remove: (commentId) => comments.remove.mutate(commentId),
  };

  return (
    <Stack gap="sm" h="100%" data-testid="comments-panel">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} fz="md">
          {t('comments.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMessagePlus size={16} />}
          disabled={!view?.hasSelection || draft !== null}
          title={view?.hasSelection ? undefined : t('comments.addHint')}
          onClick={startDraft}
          data-testid="comment-add"
        >
          {t('comments.add')}
        </Button>
      </Group>

      {draft && (
        <Stack gap={6} data-testid="comment-draft">
          <Text
            fz="xs"
            c="dimmed"
            lineClamp={3}
            style={{ borderLeft: '3px solid var(--mantine-color-yellow-5)', paddingLeft: 6 }}
          >
            {draft.quote}
          </Text>
          <CommentComposer
            placeholder={t('comments.placeholder')}
            submitLabel={t('comments.send')}
            autoFocus
            onCancel={() => setDraft(null)}
            onSubmit={async (body) => {
              const thread = await comments.create.mutateAsync({ ...draft, body });
              setDraft(null);
              onActiveThreadChange(thread.id);
            }}
          />
        </Stack>
      )}

      {resolvedCount > 0 && (
        <Switch
          size="xs"
          checked={showResolved}
          onChange={(event) => setShowResolved(event.currentTarget.checked)}
          label={t('comments.showResolved', { count: resolvedCount })}
        />
      )}

      {comments.isPending ? (
        <Loader size="sm" />
      ) : comments.isError ? (
        <QueryError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('comments.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah="100%" offsetScrollbars type="auto">
          <Stack gap="sm">
            {shown.map((thread) => (
              <ThreadCard
                key={thread.id}
                thread={thread}
                myUserId={myUserId}
                active={thread.id === activeThreadId}
                inText={ranges.has(thread.id) || thread.resolved !== null}
                onSelect={() => select(thread)}
                actions={actions}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
