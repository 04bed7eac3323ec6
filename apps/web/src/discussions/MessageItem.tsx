// One message of a topic: author, city, time, "edited", text (or why it is gone), reactions,
// and a menu: edit and delete one's own; hide and mute for the Secretariat.
import {
  ActionIcon,
  Avatar,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import {
  IconDots,
  IconEyeOff,
  IconMicrophoneOff,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { type Author, MAX_MESSAGE_LENGTH, type Reaction, type ThreadMessage } from '@uccn/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initials } from '../app/initials';
import { dateTime } from '../documents/format';
import { toLanguage } from '../i18n';
import { MessageBody } from './MessageBody';
import { ReactionBar } from './ReactionBar';

export interface MessageActions {
  toggleReaction: (message: ThreadMessage, emoji: Reaction) => void;
  edit: (message: ThreadMessage, body: string) => Promise<void>;
  remove: (message: ThreadMessage) => void;
  hide: (message: ThreadMessage) => void;
  mute: (author: Author) => void;
}

interface MessageItemProps {
  message: ThreadMessage;
  myUserId: string;
  moderator: boolean;
  /** The user may react, edit and delete (connected, allowed to post). */
  interactive: boolean;
  highlighted: boolean;
  nameOf: (userId: string) => string;
  actions: MessageActions;
}

/** Today's messages show the time; older ones the date too. */
function shortTime(iso: string, lang: string): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString(lang, { timeStyle: 'short' })
    : date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

export function MessageHeader({
  author,
  createdAt,
  editedAt,
}: {
  author: Author | null;
  createdAt: string;
  editedAt: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <Group gap={6} wrap="wrap" data-testid="message-author">
      <Text fz="sm" fw={650}>
        {author?.name ?? t('discussions.message.formerMember')}
      </Text>
      {author?.city && (
        <Text fz="xs" c="dimmed">
          {author.city.name}
        </Text>
      )}
      {author?.role === 'secretariat' && (
        <Badge size="xs" variant="light" tt="none">
          {t('roles.secretariat')}
        </Badge>
      )}
      <Text
        fz="xs"
        c="dimmed"
        component="time"
        dateTime={createdAt}
        title={dateTime(createdAt, lang)}
      >
        {shortTime(createdAt, lang)}
      </Text>
      {editedAt && (
        <Text fz="xs" c="dimmed" title={dateTime(editedAt, lang)}>
          {t('discussions.message.edited')}
        </Text>
      )}
    </Group>
  );
}

function EditForm({
  message,
  onSave,
  onCancel,
}: {
  message: ThreadMessage;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(message.body);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const body = text.trim();
    if (body === '' || body.length > MAX_MESSAGE_LENGTH) return;
    setSaving(true);
    try {
      await onSave(body);
      onCancel();
    } catch {
      // Already shown to the user by onSave; the form stays open with the text to try again.
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap={6}>
      <Textarea
        aria-label={t('discussions.message.editLabel')}
        autosize
        minRows={2}
        maxRows={12}
        data-autofocus
        autoFocus
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => void save()} loading={saving}>
          {t('discussions.message.save')}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('discussions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function MessageItem(props: MessageItemProps) {
  const { message, myUserId, moderator, interactive, highlighted, nameOf, actions } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const mine = message.author?.id === myUserId;
  const gone = message.deleted || message.hidden !== null;
  const author = message.author;
  const canEdit = mine && !gone && interactive;
  const canHide = moderator && !gone;
  const canMute = moderator && author !== null && !mine && author.role !== 'secretariat';

  return (
    <Box
      id={`message-${message.id}`}
      data-message-id={message.id}
      data-testid="message"
      data-highlighted={highlighted || undefined}
      px="md"
      py={8}
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        transition: 'background-color 600ms',
        backgroundColor: highlighted ? 'var(--mantine-color-yellow-light)' : undefined,
      }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Avatar radius="xl" size={34} color={author?.role === 'secretariat' ? 'unesco' : 'teal'}>
          {author ? initials(author.name) : '?'}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <MessageHeader
            author={author}
            createdAt={message.createdAt}
            editedAt={message.editedAt}
          />
          {message.hidden ? (
            <Text fz="sm" c="dimmed" fs="italic" data-testid="message-hidden">
              {t('discussions.message.hidden', { reason: message.hidden.reason })}
            </Text>
          ) : message.deleted ? (
            <Text fz="sm" c="dimmed" fs="italic" data-testid="message-deleted">
              {t('discussions.message.deleted')}
            </Text>
          ) : editing ? (
            <EditForm
              message={message}
              onSave={(body) => actions.edit(message, body)}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <MessageBody body={message.body} mentions={message.mentions} />
          )}
          {!gone && (message.reactions.length > 0 || interactive) && (
            <ReactionBar
              reactions={message.reactions}
              myUserId={myUserId}
              nameOf={nameOf}
              disabled={!interactive}
              onToggle={(emoji) => actions.toggleReaction(message, emoji)}
            />
          )}
        </Stack>
        {(canEdit || canHide || canMute) && (
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('discussions.message.actions')}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {canEdit && (
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                  {t('discussions.message.edit')}
                </Menu.Item>
              )}
              {canEdit && (
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => actions.remove(message)}
                >
                  {t('discussions.message.delete')}
                </Menu.Item>
              )}
              {canHide && (
                <Menu.Item
                  leftSection={<IconEyeOff size={16} />}
                  onClick={() => actions.hide(message)}
                >
                  {t('discussions.moderation.hide')}
                </Menu.Item>
              )}
              {canMute && author && (
                <Menu.Item
                  leftSection={<IconMicrophoneOff size={16} />}
                  onClick={() => actions.mute(author)}
                >
                  {t('discussions.moderation.mute', { name: author.name })}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Box>
  );
}
