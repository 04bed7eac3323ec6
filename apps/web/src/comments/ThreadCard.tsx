// One thread in the panel: the quoted text (and whether it is still in the document), the first
// comment, the replies, a reply box, and resolve or reopen. Clicking it selects its text.
import { Badge, Button, Card, Divider, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconRotateClockwise } from '@tabler/icons-react';
import type { CommentThread } from '@uccn/protocol';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';

const CONTROLS = 'button, a, form, textarea, input, [role="menu"], [role="menuitem"]';

export interface ThreadActions {
  reply: (thread: CommentThread, body: string) => Promise<unknown>;
  setResolved: (thread: CommentThread, resolved: boolean) => void;
  edit: (commentId: string, body: string) => Promise<unknown>;
  remove: (commentId: string) => void;
}

interface ThreadCardProps {
  thread: CommentThread;
  myUserId: string | null;
  active: boolean;
  /** False when the commented text is no longer in the document. */
  inText: boolean;
  onSelect: () => void;
  actions: ThreadActions;
}

export function ThreadCard({
  thread,
  myUserId,
  active,
  inText,
  onSelect,
  actions,
}: ThreadCardProps) {
  const { t } = useTranslation();
  const resolved = thread.resolved !== null;
  // A click on a control (reply box, buttons, the comment menu, even through its portal) is not
  // a click on the thread.
  const selectUnlessControl = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest(CONTROLS)) return;
    onSelect();
  };
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-active={active}
      data-resolved={resolved}
      onClick={selectUnlessControl}
      style={{
        cursor: 'pointer',
        borderColor: active ? 'var(--mantine-color-unesco-5)' : undefined,
        opacity: resolved ? 0.75 : 1,
      }}
    >
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text
            fz="xs"
            c="dimmed"
            lineClamp={2}
            style={{
              borderLeft: '3px solid var(--mantine-color-yellow-5)',
              paddingLeft: 6,
              textDecoration: inText ? undefined : 'line-through',
              flex: 1,
            }}
            title={inText ? undefined : t('comments.textRemoved')}
          >
            {thread.quote}
          </Text>
          {resolved && (
            <Badge size="xs" color="teal" variant="light" tt="none">
              {t('comments.resolvedBadge')}
            </Badge>
          )}
        </Group>
        {!inText && !resolved && (
          <Text fz="xs" c="orange.8">
            {t('comments.textRemoved')}
          </Text>
        )}
        <CommentItem
          comment={thread}
          mine={thread.author?.id === myUserId}
          onEdit={(body) => actions.edit(thread.id, body)}
          onDelete={() => actions.remove(thread.id)}
        />
        {thread.replies.map((reply) => (
          <Stack key={reply.id} gap={0} pl="sm">
            <Divider mb={6} />
            <CommentItem
              comment={reply}
              mine={reply.author?.id === myUserId}
              onEdit={(body) => actions.edit(reply.id, body)}
              onDelete={() => actions.remove(reply.id)}
            />
          </Stack>
        ))}
        {resolved && thread.resolved && (
          <Text fz="xs" c="dimmed">
            {t('comments.resolvedBy', {
              name: thread.resolved.by?.name ?? t('discussions.message.formerMember'),
            })}
          </Text>
        )}
        {active && !resolved && (
          <CommentComposer
            placeholder={t('comments.replyPlaceholder')}
            submitLabel={t('comments.sendReply')}
            onSubmit={(body) => actions.reply(thread, body)}
            testId="comment-reply"
          />
        )}
        <Group justify="flex-end" gap="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            color={resolved ? 'gray' : 'teal'}
            leftSection={resolved ? <IconRotateClockwise size={14} /> : <IconCheck size={14} />}
            onClick={() => actions.setResolved(thread, !resolved)}
          >
            {resolved ? t('comments.reopen') : t('comments.resolve')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
