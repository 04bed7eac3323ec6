// What one can do to a message over the socket (react, edit, delete): the answer goes into the
// cache at once; a refusal shows as a notice in the user's language.
import { notifications } from '@mantine/notifications';
import type { Reaction, ThreadMessage } from '@uccn/protocol';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errors';
import { useLive } from '../live/context';
import { LiveErrorCode, LiveRequestError, request, type ThreadSocket } from '../live/socket';

export function useMessageRequests() {
  const { t } = useTranslation();
  const { socket, cache } = useLive();
  return useMemo(() => {
    const connected = (): ThreadSocket => {
      if (!socket) throw new LiveRequestError(LiveErrorCode.Offline, 'Not connected');
      return socket;
    };
    const report = (error: unknown) => {
      notifications.show({ color: 'red', title: t('errors.title'), message: t(errorKey(error)) });
    };
    // Through a promise, so that "not connected" is reported like any refusal.
    const apply = async (send: (socket: ThreadSocket) => Promise<{ message: ThreadMessage }>) => {
      cache.message((await send(connected())).message);
    };
    return {
      toggleReaction: (message: ThreadMessage, emoji: Reaction) => {
        apply((s) => request(s, 'reaction:toggle', { messageId: message.id, emoji })).catch(report);
      },
      /** Rejects after reporting, so the edit form stays open with the text. */
      edit: async (message: ThreadMessage, body: string) => {
        try {
          await apply((s) => request(s, 'message:edit', { messageId: message.id, body }));
        } catch (error) {
          report(error);
          throw error;
        }
      },
      remove: (message: ThreadMessage) => {
        apply((s) => request(s, 'message:delete', { messageId: message.id })).catch(report);
      },
    };
  }, [socket, cache, t]);
}
