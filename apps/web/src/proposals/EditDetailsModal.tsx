// Changes a proposal's details (title, summary, fields, SDGs and targets, themes, budget, dates,
// milestones) while editable.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../app/QueryError';
import { DetailsFields } from './DetailsFields';
import { updateProposal } from './endpoints';
import {
  changeProposalForm,
  type ProposalForm,
  proposalFormBody,
  proposalFormFrom,
  validateProposalForm,
} from './proposal-form';
import { proposalKeys } from './queries';
import type { Proposal } from './types';

interface EditDetailsModalProps {
  proposal: Proposal;
  opened: boolean;
  onClose: () => void;
}

export function EditDetailsModal({ proposal, opened, onClose }: EditDetailsModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.edit.title')} size="xl">
      <EditDetailsForm proposal={proposal} onDone={onClose} />
    </Modal>
  );
}

function EditDetailsForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProposalForm>(() => proposalFormFrom(proposal));
  const [touched, setTouched] = useState(false);
  const errors = touched ? validateProposalForm(form) : {};

  const save = useMutation({
    mutationFn: () => updateProposal(proposal.id, proposalFormBody(form)),
    onSuccess: (updated) => {
      queryClient.setQueryData(proposalKeys.one(proposal.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['proposals', 'list'] });
      notifications.show({ color: 'teal', message: t('proposals.edit.saved') });
      onDone();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(validateProposalForm(form)).length === 0) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <DetailsFields
          form={form}
          onChange={(change) => setForm((current) => changeProposalForm(current, change))}
          errors={errors}
          disabled={save.isPending}
        />
        {save.isError && <QueryError error={save.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('proposals.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('proposals.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
