// React Query over the notification centre: the list with its unread count, kept live by the
// socket's `notification:new` and `notification:read`, and marking read.

import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Notification } from '@uccn/protocol';
import { useMe } from '../api/queries';
import { getNotifications, markNotificationsRead, type NotificationPage } from './endpoints';

export const notificationKeys = {
  list: ['notifications'] as const,
  preferences: ['notification-preferences'] as const,
};

type NotificationData = InfiniteData<NotificationPage, string | null>;

export function useNotifications() {
  const me = useMe();
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => getNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: NotificationPage) => last.nextCursor,
    enabled: Boolean(me.data),
    // The socket keeps it current; a slow poll covers a long disconnection.
    refetchInterval: 5 * 60_000,
  });
  const notifications = query.data?.pages.flatMap((page) => page.notifications) ?? [];
  const unread = query.data?.pages[0]?.unread ?? 0;
  return { ...query, notifications, unread };
}

/** A new notification from the socket: first in the list, with the server's unread count. */
export function addNotification(
  queryClient: QueryClient,
  notification: Notification,
  unread: number,
): void {
  queryClient.setQueryData<NotificationData>(notificationKeys.list, (data) => {
    if (!data) return data;
    const [first, ...rest] = data.pages;
    if (!first) return data;
    const known = data.pages.some((page) =>
      page.notifications.some((item) => item.id === notification.id),
    );
    const notifications = known ? first.notifications : [notification, ...first.notifications];
    return { ...data, pages: [{ ...first, notifications, unread }, ...rest] };
  });
}

/**
 * Marks notifications read here at once; the server's count follows. `ids` null means all.
 * Another tab's marking arrives as `notification:read`, with the count only.
 */
export function markReadInCache(
  queryClient: QueryClient,
  ids: string[] | null,
  unread: number | null,
): void {
  const now = new Date().toISOString();
  queryClient.setQueryData<NotificationData>(notificationKeys.list, (data) => {
    if (!data) return data;
    const pages = data.pages.map((page, index) => ({
      ...page,
      notifications: page.notifications.map((item) =>
        item.readAt === null && (ids === null || ids.includes(item.id))
          ? { ...item, readAt: now }
          : item,
      ),
      unread:
        index !== 0
          ? page.unread
          : (unread ??
            (ids === null ? 0 : Math.max(0, page.unread - countUnread(data.pages, ids)))),
    }));
    return { ...data, pages };
  });
}

function countUnread(pages: NotificationPage[], ids: string[]): number {
  return pages
    .flatMap((page) => page.notifications)
    .filter((item) => item.readAt === null && ids.includes(item.id)).length;
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | null) =>
      markNotificationsRead(ids === null ? { all: true } : { ids }),
    onMutate: (ids) => markReadInCache(queryClient, ids, null),
    onSuccess: (unread, ids) => markReadInCache(queryClient, ids, unread),
    // The optimistic change was wrong: take the server's list again.
    onError: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}
