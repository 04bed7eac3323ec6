// One comment of a thread: author, city, time, "edited", the text (or that it was deleted), and
// for its author a menu to edit or delete it.
import { ActionIcon, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import type { DocumentComment } from '@uccn/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageBody } from '../discussions/MessageBody';
import { MessageHeader } from '../discussions/MessageItem';
import { CommentComposer } from './CommentComposer';

const NO_MENTIONS: never[] = [];

interface CommentItemProps {
  comment: DocumentComment;
  mine: boolean;
  onEdit: (body: string) => Promise<unknown>;
  onDelete: () => void;
}

export function CommentItem({ comment, mine, onEdit, onDelete }: CommentItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap={2} data-testid="comment" data-comment-id={comment.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <MessageHeader
          author={comment.author}
          createdAt={comment.createdAt}
          editedAt={comment.editedAt}
        />
        {mine && !comment.deleted && !editing && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('comments.actions')}
              >
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                {t('comments.edit')}
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                {t('comments.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {comment.deleted ? (
        <Text fz="sm" c="dimmed" fs="italic">
          {t('comments.deleted')}
        </Text>
      ) : editing ? (
        <CommentComposer
          initial={comment.body}
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await onEdit(body);
            setEditing(false);
          }}
        />
      ) : (
        <MessageBody body={comment.body} mentions={NO_MENTIONS} />
      )}
    </Stack>
  );
}
