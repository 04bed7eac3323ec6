// The notification centre's HTTP endpoints: the list, marking read, and e-mail preferences.
import type { Notification, NotificationKind } from '@uccn/protocol';
import { apiRequest } from '../api/client';

export interface NotificationPage {
  notifications: Notification[];
  /** Unread notifications in all, not only on this page. */
  unread: number;
  nextCursor: string | null;
}

export interface EmailPreference {
  kind: NotificationKind;
  /** Whether this kind reaches the user in the daily e-mail digest. */
  email: boolean;
}

export const NOTIFICATION_PAGE_SIZE = 20;

export function getNotifications(before: string | null): Promise<NotificationPage> {
  const params = new URLSearchParams({ limit: String(NOTIFICATION_PAGE_SIZE) });
  if (before) params.set('before', before);
  return apiRequest(`/api/notifications?${params}`);
}

/** Marks some notifications, or all, read; returns how many stay unread. */
export async function markNotificationsRead(
  which: { ids: string[] } | { all: true },
): Promise<number> {
  const body = await apiRequest<{ unread: number }>('/api/notifications/read', {
    method: 'POST',
    body: which,
  });
  return body.unread;
}

export async function getEmailPreferences(): Promise<EmailPreference[]> {
  const path = '/api/notifications/preferences';
  return (await apiRequest<{ preferences: EmailPreference[] }>(path)).preferences;
}

export async function setEmailPreferences(
  preferences: EmailPreference[],
): Promise<EmailPreference[]> {
  const body = await apiRequest<{ preferences: EmailPreference[] }>(
    '/api/notifications/preferences',
    { method: 'PUT', body: { preferences } },
  );
  return body.preferences;
}
