// The public summary of a supported proposal, the text every member city reads about it: shown in
// the details, and written by the lead city or the Secretariat.
import { Box, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconWorld } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../app/QueryError';
import { SUMMARY_MAX } from './details';
import { updateProposal } from './endpoints';
import { proposalKeys } from './queries';
import type { Proposal, ProposalDetails } from './types';

/** The summary, and a button to write it for those who may; nothing when neither applies. */
export function PublicSummarySection({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const [editing, editor] = useDisclosure(false);
  const text = proposal.publicSummary;
  const mayEdit = proposal.actions.editPublicSummary;
  if (text === null && !mayEdit) return null;

  return (
    <Box
      data-testid="public-summary"
      p="sm"
      bg="var(--mantine-color-unesco-light)"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconWorld size={16} color="var(--mantine-color-unesco-7)" aria-hidden />
          <Text fz="xs" fw={650} c="unesco.8" tt="uppercase" style={{ letterSpacing: 0.4 }}>
            {t('proposals.publicSummary.title')}
          </Text>
        </Group>
        {mayEdit && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPencil size={12} aria-hidden />}
            onClick={editor.open}
          >
            {text === null ? t('proposals.publicSummary.write') : t('proposals.edit.open')}
          </Button>
        )}
      </Group>
      <Text fz="sm" c={text === null ? 'dimmed' : undefined} style={{ whiteSpace: 'pre-line' }}>
        {text ?? t('proposals.publicSummary.empty')}
      </Text>
      {mayEdit && (
        <PublicSummaryModal proposal={proposal} opened={editing} onClose={editor.close} />
      )}
    </Box>
  );
}

interface PublicSummaryModalProps {
  proposal: Proposal;
  opened: boolean;
  onClose: () => void;
}

function PublicSummaryModal({ proposal, opened, onClose }: PublicSummaryModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.publicSummary.edit')} size="lg">
      <PublicSummaryForm proposal={proposal} onDone={onClose} />
    </Modal>
  );
}

function PublicSummaryForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(proposal.publicSummary ?? '');

  const save = useMutation({
    mutationFn: () => {
      // An emptied summary is taken down (null), not published blank.
      const change: Partial<ProposalDetails> & { publicSummary: string | null } = {
        publicSummary: text.trim() || null,
      };
      return updateProposal(proposal.id, change);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(proposalKeys.one(proposal.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['proposals', 'list'] });
      notifications.show({ color: 'teal', message: t('proposals.publicSummary.saved') });
      onDone();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('proposals.publicSummary.intro')}
        </Text>
        <Textarea
          label={t('proposals.publicSummary.title')}
          data-autofocus
          autosize
          minRows={5}
          maxRows={12}
          maxLength={SUMMARY_MAX}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          disabled={save.isPending}
        />
        {save.isError && <QueryError error={save.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('proposals.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('proposals.publicSummary.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
