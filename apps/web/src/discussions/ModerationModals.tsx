// The Secretariat's moderation forms: hide a message (with the reason everyone will see) and
// mute someone in a channel for a while. Both go through the HTTP moderation endpoints.
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { Author, ThreadMessage } from '@uccn/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../app/QueryError';
import { dateTime } from '../documents/format';
import { toLanguage } from '../i18n';
import { useLive } from '../live/context';
import { hideMessage, muteUser } from './endpoints';

const REASON_MAX = 500;
/** Mute lengths offered, in minutes: a cool-down, an afternoon, a day, a week. */
const MUTE_MINUTES = [15, 60, 1440, 10080] as const;

export function HideMessageModal({
  message,
  onClose,
}: {
  message: ThreadMessage | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={message !== null}
      onClose={onClose}
      title={t('discussions.moderation.hideTitle')}
    >
      {message && <HideForm message={message} onClose={onClose} />}
    </Modal>
  );
}

function HideForm({ message, onClose }: { message: ThreadMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const { cache } = useLive();
  const [reason, setReason] = useState('');
  const hide = useMutation({
    mutationFn: () => hideMessage(message.id, reason.trim()),
    onSuccess: (hidden) => {
      cache.message(hidden);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() !== '') hide.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Textarea
          label={t('discussions.moderation.reason')}
          description={t('discussions.moderation.hideHint')}
          required
          data-autofocus
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {hide.isError && <QueryError error={hide.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('discussions.cancel')}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={hide.isPending}
            disabled={reason.trim() === ''}
          >
            {t('discussions.moderation.hide')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface MuteUserModalProps {
  channelId: string;
  author: Author | null;
  onClose: () => void;
}

export function MuteUserModal({ channelId, author, onClose }: MuteUserModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={author !== null}
      onClose={onClose}
      title={t('discussions.moderation.muteTitle', { name: author?.name ?? '' })}
    >
      {author && <MuteForm channelId={channelId} author={author} onClose={onClose} />}
    </Modal>
  );
}

function MuteForm({
  channelId,
  author,
  onClose,
}: {
  channelId: string;
  author: Author;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const [minutes, setMinutes] = useState<string>(String(MUTE_MINUTES[1]));
  const [reason, setReason] = useState('');
  const mute = useMutation({
    mutationFn: () =>
      muteUser(channelId, { userId: author.id, minutes: Number(minutes), reason: reason.trim() }),
    onSuccess: (result) => {
      notifications.show({
        message: t('discussions.moderation.muted', {
          name: author.name,
          until: dateTime(result.until, lang),
        }),
      });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() !== '') mute.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Select
          label={t('discussions.moderation.duration')}
          value={minutes}
          onChange={(value) => value && setMinutes(value)}
          allowDeselect={false}
          data={MUTE_MINUTES.map((value) => ({
            value: String(value),
            label: t(`discussions.moderation.durations.${value}` as const),
          }))}
        />
        <Textarea
          label={t('discussions.moderation.reason')}
          description={t('discussions.moderation.muteHint')}
          required
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {mute.isError && <QueryError error={mute.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('discussions.cancel')}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={mute.isPending}
            disabled={reason.trim() === ''}
          >
            {t('discussions.moderation.muteSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
