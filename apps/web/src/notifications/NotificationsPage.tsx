// /notifications: every notification, older ones on demand, and which kinds reach the user by
// e-mail in the daily digest.
import { Button, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTIFICATION_KINDS, type NotificationKind } from '@uccn/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { type EmailPreference, getEmailPreferences, setEmailPreferences } from './endpoints';
import { NotificationList } from './NotificationList';
import { notificationKeys, useMarkRead, useNotifications } from './queries';

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in?next=%2Fnotifications" replace />;
  return (
    <Stack gap="xl" maw={760}>
      <Title order={1}>{t('notifications.title')}</Title>
      <AllNotifications />
      <EmailPreferences />
    </Stack>
  );
}

function AllNotifications() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={650} fz="lg">
          {t('notifications.unreadCount', { count: list.unread })}
        </Text>
        <Button
          variant="default"
          size="xs"
          disabled={list.unread === 0}
          onClick={() => markRead.mutate(null)}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loader size="sm" />
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <NotificationList notifications={list.notifications} />
        </Paper>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('notifications.more')}
        </Button>
      )}
    </Stack>
  );
}

function EmailPreferences() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: notificationKeys.preferences, queryFn: getEmailPreferences });
  const [draft, setDraft] = useState<Partial<Record<NotificationKind, boolean>>>({});
  const emailFor = (kind: NotificationKind) =>
    draft[kind] ?? saved.data?.find((preference) => preference.kind === kind)?.email ?? false;
  const save = useMutation({
    mutationFn: () => {
      const preferences: EmailPreference[] = NOTIFICATION_KINDS.map((kind) => ({
        kind,
        email: emailFor(kind),
      }));
      return setEmailPreferences(preferences);
    },
    onSuccess: (preferences) => {
      queryClient.setQueryData(notificationKeys.preferences, preferences);
      setDraft({});
      toasts.show({ message: t('notifications.email.saved') });
    },
  });
  const changed = Object.keys(draft).length > 0;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="email-digest-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id="email-digest-title">
            {t('notifications.email.title')}
          </Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('notifications.email.hint')}
          </Text>
        </div>
        {saved.isError ? (
          <QueryError error={saved.error} onRetry={() => void saved.refetch()} />
        ) : saved.isPending ? (
          <Loader size="sm" />
        ) : (
          <Stack gap="sm">
            {NOTIFICATION_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                label={t(`notifications.kinds.${kind}`)}
                checked={emailFor(kind)}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setDraft((current) => ({ ...current, [kind]: checked }));
                }}
              />
            ))}
          </Stack>
        )}
        {save.isError && <QueryError error={save.error} />}
        <Button
          w="fit-content"
          disabled={!changed}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('notifications.email.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
