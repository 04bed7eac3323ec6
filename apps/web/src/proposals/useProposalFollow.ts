// Keeps an open proposal current: the server notifies its cities of every partner change and
// move (url `/proposals/<id>`), so such a notification re-reads the proposal and its history.

import { useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@uccn/protocol';
import { useEffect } from 'react';
import { useLive } from '../live/context';
import { proposalPath } from './ProposalTable';
import { proposalKeys } from './queries';

export function useProposalFollow(proposalId: string): void {
  const { socket } = useLive();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const path = proposalPath(proposalId);
    const onNotification = ({ notification }: { notification: Notification }) => {
      if (notification.url !== path) return;
      void queryClient.invalidateQueries({ queryKey: proposalKeys.one(proposalId) });
      void queryClient.invalidateQueries({ queryKey: proposalKeys.history(proposalId) });
    };
    socket.on('notification:new', onNotification);
    return () => {
      socket.off('notification:new', onNotification);
    };
  }, [socket, queryClient, proposalId]);
}
