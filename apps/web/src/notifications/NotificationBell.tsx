// The bell in the header: the unread count, live; the latest notifications in a popover, with
// "Mark all read" and a link to the notification page and its settings.
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Text,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { NotificationList } from './NotificationList';
import { useMarkRead, useNotifications } from './queries';

export function NotificationBell() {
  const me = useMe();
  if (!me.data) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const unread = list.unread;
  const label =
    unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          disabled={unread === 0}
          size={18}
          offset={4}
          color="red"
          data-testid="notification-count"
          data-count={unread}
        >
          <ActionIcon
            variant="subtle"
            color="dark"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((open) => !open)}
            data-testid="notification-bell"
          >
            <IconBell size={22} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group
          justify="space-between"
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Text fw={650}>{t('notifications.title')}</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={unread === 0}
            onClick={() => markRead.mutate(null)}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Loader size="sm" m="md" />
        ) : (
          <ScrollArea.Autosize mah={420}>
            <NotificationList
              notifications={list.notifications.slice(0, 20)}
              onOpen={() => setOpened(false)}
            />
          </ScrollArea.Autosize>
        )}
        <Group justify="center" py="xs">
          <Anchor component={Link} to="/notifications" fz="sm" onClick={() => setOpened(false)}>
            {t('notifications.seeAll')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
