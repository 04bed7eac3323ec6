// Creates a document owned by the user's city, shared with the cities chosen, then opens it.
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createDocument } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { CityAccess } from '../api/types';
import { QueryError } from '../app/QueryError';
import { CityAccessPicker } from './CityAccessPicker';

/** The server's limit on titles. */
export const TITLE_MAX = 200;

interface NewDocumentModalProps {
  opened: boolean;
  onClose: () => void;
  ownerSlug: string;
}

export function NewDocumentModal({ opened, onClose, ownerSlug }: NewDocumentModalProps) {
  const { t } = useTranslation();
  // The form lives inside the modal, so that it starts empty each time the modal opens.
  return (
    <Modal opened={opened} onClose={onClose} title={t('documents.create.title')} size="lg">
      <NewDocumentForm onCancel={onClose} ownerSlug={ownerSlug} />
    </Modal>
  );
}

function NewDocumentForm({ onCancel, ownerSlug }: { onCancel: () => void; ownerSlug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [cities, setCities] = useState<CityAccess[]>([]);
  const [touched, setTouched] = useState(false);

  const create = useMutation({
    mutationFn: () => createDocument({ title: title.trim(), cities }),
    onSuccess: (document) => {
      queryClient.setQueryData(queryKeys.document(document.id), document);
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      void navigate(`/documents/${document.id}`);
    },
  });

  const titleError = touched && title.trim() === '' ? t('documents.create.titleRequired') : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (title.trim() !== '') create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <TextInput
          label={t('documents.create.titleLabel')}
          placeholder={t('documents.create.titlePlaceholder')}
          required
          data-autofocus
          maxLength={TITLE_MAX}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={titleError}
        />
        <CityAccessPicker value={cities} onChange={setCities} ownerSlug={ownerSlug} />
        {create.isError && <QueryError error={create.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('documents.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('documents.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
