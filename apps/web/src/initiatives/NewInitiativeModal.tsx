// "New initiative": what the user's city already runs, with its partners, fields and themes.
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCities, useFields, useMe } from '../api/queries';
import { EMPTY_FILTERS } from '../cities/filters';
import { errorKey } from '../i18n/errors';
import { localizedName, useNames } from '../i18n/names';
import { useThemes } from '../proposals/queries';
import { createInitiative } from './endpoints';
import { initiativePath } from './InitiativeTable';
import { datesInOrder, parseLinks } from './initiative-form';
import { initiativeKeys } from './queries';

interface NewInitiativeModalProps {
  opened: boolean;
  onClose: () => void;
  /** The lead city's field, chosen by default. */
  fieldSlug: string;
}

export function NewInitiativeModal({ opened, onClose, fieldSlug }: NewInitiativeModalProps) {
  const { t } = useTranslation();
  const names = useNames();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ownSlug = useMe().data?.city?.slug;
  const cities = useCities(EMPTY_FILTERS).data ?? [];
  const fields = useFields().data ?? [];
  const themes = useThemes().data ?? [];

  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [partners, setPartners] = useState<string[]>([]);
  const [chosenFields, setFields] = useState<string[]>([fieldSlug]);
  const [chosenThemes, setThemes] = useState<string[]>([]);
  const [linksText, setLinks] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [touched, setTouched] = useState(false);

  const { links, invalid } = parseLinks(linksText);
  const errors = {
    title: title.trim() === '' ? t('initiatives.create.titleRequired') : null,
    fields: chosenFields.length === 0 ? t('initiatives.create.fieldsRequired') : null,
    links: invalid.length > 0 ? t('initiatives.create.linksInvalid', { line: invalid[0] }) : null,
    endDate: datesInOrder(startDate, endDate) ? null : t('initiatives.create.datesOrder'),
  };

  const mutation = useMutation({
    mutationFn: () =>
      createInitiative({
        title: title.trim(),
        description: description.trim(),
        partners,
        fields: chosenFields,
        themes: chosenThemes,
        links,
        startDate: startDate || null,
        endDate: endDate || null,
      }),
    onSuccess: (initiative) => {
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.all });
      onClose();
      void navigate(initiativePath(initiative.id));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(errors).some((e) => e !== null)) return;
    mutation.mutate();
  };
  const shown = (error: string | null) => (touched ? error : null);

  return (
    <Modal opened={opened} onClose={onClose} title={t('initiatives.create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.isError && (
            <Alert color="red" role="alert">
              {t(errorKey(mutation.error))}
            </Alert>
          )}
          <TextInput
            label={t('initiatives.create.name')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={shown(errors.title)}
            data-autofocus
          />
          <Textarea
            label={t('initiatives.create.description')}
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('initiatives.create.partners')}
            description={t('initiatives.create.partnersHint')}
            searchable
            limit={40}
            data={cities
              .filter((c) => c.slug !== ownSlug)
              .map((c) => ({
                value: c.slug,
                label: `${c.name} (${names.country(c.iso2, c.country)})`,
              }))}
            value={partners}
            onChange={setPartners}
          />
          <MultiSelect
            label={t('initiatives.create.fields')}
            required
            data={fields.map((f) => ({ value: f.slug, label: names.field(f.slug, f.name) }))}
            value={chosenFields}
            onChange={setFields}
            error={shown(errors.fields)}
          />
          <MultiSelect
            label={t('initiatives.create.themes')}
            data={themes.map((th) => ({ value: th.slug, label: localizedName(th, names.lang) }))}
            value={chosenThemes}
            onChange={setThemes}
          />
          <Textarea
            label={t('initiatives.create.links')}
            description={t('initiatives.create.linksHint')}
            autosize
            minRows={2}
            value={linksText}
            onChange={(e) => setLinks(e.currentTarget.value)}
            error={shown(errors.links)}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('initiatives.create.startDate')}
              value={startDate}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('initiatives.create.endDate')}
              value={endDate}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={shown(errors.endDate)}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('initiatives.create.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('initiatives.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
