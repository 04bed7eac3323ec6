// A message the user sent that the server has not stored yet: greyed, "Sending…", or the
// reason it failed with Retry (same idempotency key) and Discard.
import { Avatar, Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { Author } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { initials } from '../app/initials';
import { errorKeyForCode } from '../i18n/errors';
import { MessageBody } from './MessageBody';
import type { PendingMessage } from './outbox';

interface PendingItemProps {
  pending: PendingMessage;
  author: Author;
  onRetry: () => void;
  onDiscard: () => void;
}

export function PendingItem({ pending, author, onRetry, onDiscard }: PendingItemProps) {
  const { t } = useTranslation();
  const failed = pending.status === 'failed';
  return (
    <Box px="md" py={8} data-testid="pending-message" data-status={pending.status}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Avatar radius="xl" size={34} color="gray">
          {initials(author.name)}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <Text fz="sm" fw={650}>
              {author.name}
            </Text>
            {!failed && (
              <Group gap={4} role="status">
                <Loader size={10} color="gray" />
                <Text fz="xs" c="dimmed">
                  {t(
                    pending.status === 'waiting'
                      ? 'discussions.pending.waiting'
                      : 'discussions.pending.sending',
                  )}
                </Text>
              </Group>
            )}
          </Group>
          <Box style={{ opacity: 0.55 }}>
            <MessageBody body={pending.body} mentions={[]} />
          </Box>
          {failed && pending.error && (
            <Group gap="xs" role="alert">
              <IconAlertCircle size={16} color="var(--mantine-color-red-7)" aria-hidden />
              <Text fz="xs" c="red.8">
                {t('discussions.pending.failed', {
                  reason: t(errorKeyForCode(pending.error.code)),
                })}
                {pending.error.retryAfter
                  ? ` ${t('discussions.pending.retryAfter', { count: pending.error.retryAfter })}`
                  : ''}
              </Text>
              <Button size="compact-xs" variant="light" onClick={onRetry}>
                {t('errors.retry')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={onDiscard}>
                {t('discussions.pending.discard')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Box>
  );
}
