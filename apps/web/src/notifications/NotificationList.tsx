// Notifications as a list: title, text, who and when, a dot while unread. Opening one marks it
// read and goes to its page inside the app.
import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Notification } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { safeNextPath } from '../auth/permissions';
import { dateTime, timeAgo } from '../documents/format';
import { toLanguage } from '../i18n';
import { useMarkRead } from './queries';

interface NotificationListProps {
  notifications: Notification[];
  /** Called after one is opened (a popover closes itself). */
  onOpen?: () => void;
}

export function NotificationList({ notifications, onOpen }: NotificationListProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const navigate = useNavigate();
  const markRead = useMarkRead();

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate([notification.id]);
    onOpen?.();
    // Only paths inside the app: a notification cannot send the user to another site.
    void navigate(safeNextPath(notification.url));
  };

  if (notifications.length === 0) {
    return (
      <Text c="dimmed" fz="sm" p="md" ta="center">
        {t('notifications.empty')}
      </Text>
    );
  }
  return (
    <Stack
      gap={0}
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('notifications.title')}
    >
      {notifications.map((notification) => {
        const unread = notification.readAt === null;
        return (
          <Box component="li" key={notification.id}>
            <UnstyledButton
              onClick={() => open(notification)}
              data-testid="notification"
              data-unread={unread || undefined}
              w="100%"
              px="md"
              py="sm"
              style={{
                borderBottom: '1px solid var(--mantine-color-default-border)',
                backgroundColor: unread ? 'var(--mantine-color-unesco-light)' : undefined,
              }}
            >
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <Box
                  mt={6}
                  w={8}
                  h={8}
                  style={{
                    flex: 'none',
                    borderRadius: '50%',
                    backgroundColor: unread ? 'var(--mantine-color-unesco-6)' : 'transparent',
                  }}
                  aria-label={unread ? t('notifications.unreadDot') : undefined}
                  role={unread ? 'img' : undefined}
                />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fz="sm" fw={unread ? 700 : 500} lineClamp={2}>
                    {notification.title}
                  </Text>
                  {notification.body !== '' && (
                    <Text fz="sm" c="dimmed" lineClamp={2}>
                      {notification.body}
                    </Text>
                  )}
                  <Text fz="xs" c="dimmed" title={dateTime(notification.createdAt, lang)}>
                    {notification.actor
                      ? t('notifications.byWhen', {
                          name: notification.actor.name,
                          when: timeAgo(notification.createdAt, new Date(), lang),
                        })
                      : timeAgo(notification.createdAt, new Date(), lang)}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </Box>
        );
      })}
    </Stack>
  );
}
