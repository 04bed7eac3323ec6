// Starts a proposal led by the user's city, from the template of sections, then opens it.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { City } from '../api/types';
import { QueryError } from '../app/QueryError';
import { DetailsFields } from './DetailsFields';
import { createProposal } from './endpoints';
import { proposalPath } from './ProposalTable';
import {
  changeProposalForm,
  newProposalForm,
  type ProposalForm,
  proposalFormBody,
  validateProposalForm,
} from './proposal-form';
import { proposalKeys } from './queries';

interface NewProposalModalProps {
  opened: boolean;
  onClose: () => void;
  /** The user's city, which leads the new proposal. */
  city: City;
}

export function NewProposalModal({ opened, onClose, city }: NewProposalModalProps) {
  const { t } = useTranslation();
  // The form lives inside the modal, so that it starts afresh each time the modal opens.
  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.create.title')} size="xl">
      <NewProposalForm onCancel={onClose} city={city} />
    </Modal>
  );
}

function NewProposalForm({ onCancel, city }: { onCancel: () => void; city: City }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProposalForm>(() => newProposalForm(city.fieldSlug));
  const [touched, setTouched] = useState(false);
  const errors = touched ? validateProposalForm(form) : {};

  const create = useMutation({
    mutationFn: () => createProposal(proposalFormBody(form)),
    onSuccess: (proposal) => {
      queryClient.setQueryData(proposalKeys.one(proposal.id), proposal);
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void navigate(proposalPath(proposal.id));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(validateProposalForm(form)).length === 0) create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Alert variant="light" color="unesco" icon={<IconInfoCircle aria-hidden />}>
          {t('proposals.create.intro', { city: city.name })}
        </Alert>
        <DetailsFields
          form={form}
          onChange={(change) => setForm((current) => changeProposalForm(current, change))}
          errors={errors}
          disabled={create.isPending}
        />
        {create.isError && <QueryError error={create.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('proposals.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('proposals.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
