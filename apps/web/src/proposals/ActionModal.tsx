// Confirms a step that matters (submit, a decision, leaving, handing over), with a note when asked.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../app/QueryError';

export interface ActionRequest {
  title: string;
  description: string;
  confirmLabel: string;
  color: string;
  /** Shows a note box; `required` refuses an empty one. */
  note?: { label: string; hint: string; required: boolean };
}

interface ActionModalProps {
  request: ActionRequest | null;
  onClose: () => void;
  onConfirm: (note: string) => void;
  pending: boolean;
  error: unknown;
}

export function ActionModal({ request, onClose, onConfirm, pending, error }: ActionModalProps) {
  return (
    <Modal opened={request !== null} onClose={onClose} title={request?.title} size="md">
      {/* Keyed by title: each request starts with an empty note. */}
      {request && (
        <ActionForm
          key={request.title}
          request={request}
          onClose={onClose}
          onConfirm={onConfirm}
          pending={pending}
          error={error}
        />
      )}
    </Modal>
  );
}

function ActionForm(props: ActionModalProps & { request: ActionRequest }) {
  const { request, onClose, onConfirm, pending, error } = props;
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = request.note?.required === true && note.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!missing) onConfirm(note.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">{request.description}</Text>
        {request.note && (
          <Textarea
            label={request.note.label}
            description={request.note.hint}
            required={request.note.required}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={5000}
            data-autofocus
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={touched && missing ? t('proposals.workflow.noteMissing') : null}
          />
        )}
        {error !== null && error !== undefined && <QueryError error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('proposals.cancel')}
          </Button>
          <Button type="submit" color={request.color} loading={pending}>
            {request.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
