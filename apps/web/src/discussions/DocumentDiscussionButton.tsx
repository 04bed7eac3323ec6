// "Discussion" on a shared document: opens the document's channel, which the server makes on
// first use, so the cities working on it can talk beside the text.
import { Button } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../app/QueryError';
import { channelPath } from './channelName';
import { getDocumentChannel } from './endpoints';
import { threadKeys } from './queries';

export function DocumentDiscussionButton({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => getDocumentChannel(documentId),
    onSuccess: async (channel) => {
      // A channel made just now is not in the list yet: the channel page looks it up there.
      await queryClient.invalidateQueries({ queryKey: threadKeys.channels });
      void navigate(channelPath(channel));
    },
  });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconMessages size={16} />}
        loading={open.isPending}
        onClick={() => open.mutate()}
      >
        {t('discussions.documentChannel')}
      </Button>
      {open.isError && <QueryError error={open.error} />}
    </>
  );
}
