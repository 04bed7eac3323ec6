// Starts a topic in a channel: a title and a first message, sent over the socket with a key of
// its own, so that pressing again after a timeout cannot create it twice.
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChannelSummary, MAX_MESSAGE_LENGTH, MAX_TOPIC_TITLE_LENGTH } from '@uccn/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../app/QueryError';
import { useLive } from '../live/context';
import { LiveErrorCode, LiveRequestError, request } from '../live/socket';
import { topicPath } from './channelName';
import { threadKeys } from './queries';

interface NewTopicModalProps {
  opened: boolean;
  onClose: () => void;
  channel: ChannelSummary;
}

export function NewTopicModal({ opened, onClose, channel }: NewTopicModalProps) {
  const { t } = useTranslation();
  // The form lives inside the modal, so that it starts empty (with a new key) each time.
  return (
    <Modal opened={opened} onClose={onClose} title={t('discussions.newTopic.title')} size="lg">
      <NewTopicForm channel={channel} onCancel={onClose} />
    </Modal>
  );
}

function NewTopicForm({ channel, onCancel }: { channel: ChannelSummary; onCancel: () => void }) {
  const { t } = useTranslation();
  const { socket } = useLive();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const create = useMutation({
    mutationFn: async () => {
      if (!socket) throw new LiveRequestError(LiveErrorCode.Offline, 'Not connected');
      const payload = {
        channelId: channel.id,
        title: title.trim(),
        body: body.trim(),
        idempotencyKey,
      };
      return request(socket, 'topic:create', payload);
    },
    onSuccess: ({ topic }) => {
      queryClient.setQueryData(threadKeys.topic(topic.id), { topic, channel });
      void queryClient.invalidateQueries({ queryKey: threadKeys.topics(channel.id) });
      void navigate(topicPath(channel.slug, topic.id));
    },
  });

  const titleError =
    touched && title.trim() === '' ? t('discussions.newTopic.titleRequired') : null;
  const bodyError = touched && body.trim() === '' ? t('discussions.newTopic.bodyRequired') : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (title.trim() !== '' && body.trim() !== '') create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <TextInput
          label={t('discussions.newTopic.titleLabel')}
          placeholder={t('discussions.newTopic.titlePlaceholder')}
          required
          data-autofocus
          maxLength={MAX_TOPIC_TITLE_LENGTH}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={titleError}
        />
        <Textarea
          label={t('discussions.newTopic.bodyLabel')}
          placeholder={t('discussions.newTopic.bodyPlaceholder')}
          required
          autosize
          minRows={5}
          maxRows={14}
          maxLength={MAX_MESSAGE_LENGTH}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={bodyError}
        />
        {create.isError && <QueryError error={create.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('discussions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('discussions.newTopic.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
