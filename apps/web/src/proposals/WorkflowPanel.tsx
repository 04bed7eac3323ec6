// "Next steps": the status moves the server allows this user, each confirmed in a modal, with the
// written note the Secretariat's decisions and returns require.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionModal, type ActionRequest } from './ActionModal';
import { moveProposal } from './endpoints';
import type { Proposal, ProposalStatus } from './types';
import { type WorkflowButton, workflowButtons } from './workflow';

interface WorkflowPanelProps {
  proposal: Proposal;
  /** After a move: the proposal as the server returned it. */
  onMoved: (proposal: Proposal) => void;
}

export function WorkflowPanel({ proposal, onMoved }: WorkflowPanelProps) {
  const { t } = useTranslation();
  const buttons = workflowButtons(proposal.actions.transitions);
  const [chosen, setChosen] = useState<WorkflowButton | null>(null);
  const move = useMutation({
    mutationFn: ({ to, note }: { to: ProposalStatus; note: string }) =>
      moveProposal(proposal.id, to, note === '' ? undefined : note),
    onSuccess: (updated) => {
      setChosen(null);
      onMoved(updated);
      notifications.show({
        color: 'teal',
        message: t('proposals.workflow.done', { status: t(`proposals.status.${updated.status}`) }),
      });
    },
  });

  const request: ActionRequest | null = chosen && {
    title: t(`proposals.workflow.to.${chosen.to}.title`),
    description: t(`proposals.workflow.to.${chosen.to}.description`),
    confirmLabel: t(`proposals.workflow.to.${chosen.to}.action`),
    color: chosen.color,
    ...(chosen.asksNote
      ? {
          note: {
            label: chosen.noteRequired
              ? t('proposals.workflow.noteLabel')
              : t('proposals.workflow.noteOptional'),
            hint: t('proposals.workflow.noteHint'),
            required: chosen.noteRequired,
          },
        }
      : {}),
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proposal-next">
      <Stack gap="sm">
        <Title order={2} fz="md" id="proposal-next">
          {t('proposals.workflow.title')}
        </Title>
        {buttons.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('proposals.workflow.none')}
          </Text>
        ) : (
          buttons.map((button) => (
            <Stack key={button.to} gap={2}>
              <Button
                variant={button.variant}
                color={button.color}
                fullWidth
                onClick={() => {
                  move.reset();
                  setChosen(button);
                }}
              >
                {t(`proposals.workflow.to.${button.to}.action`)}
              </Button>
              <Text fz="xs" c="dimmed">
                {t(`proposals.workflow.to.${button.to}.hint`)}
              </Text>
            </Stack>
          ))
        )}
      </Stack>
      <ActionModal
        request={request}
        onClose={() => setChosen(null)}
        onConfirm={(note) => chosen && move.mutate({ to: chosen.to, note })}
        pending={move.isPending}
        error={move.error}
      />
    </Paper>
  );
}
