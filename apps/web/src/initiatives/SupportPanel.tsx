// The Secretariat's decision on official support: grant or withdraw, always with a note.
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errors';
import { decideSupport } from './endpoints';
import { initiativeKeys } from './queries';
import { grantBlock, validNote } from './support';
import type { Initiative } from './types';

export function SupportPanel({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const block = grantBlock(initiative);
  const canWithdraw = initiative.support === 'supported';

  const mutation = useMutation({
    mutationFn: (decision: 'supported' | 'withdrawn') =>
      decideSupport(initiative.id, decision, note.trim()),
    onSuccess: () => {
      setNote('');
      setTouched(false);
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.all });
    },
  });
  const decide = (decision: 'supported' | 'withdrawn') => {
    setTouched(true);
    if (validNote(note)) mutation.mutate(decision);
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('initiatives.decide.title')}
        </Title>
        {block === 'no_dimension' && (
          <Alert color="yellow" data-testid="support-blocked">
            {t('initiatives.decide.noDimension')}
          </Alert>
        )}
        {mutation.isError && (
          <Alert color="red" role="alert">
            {t(errorKey(mutation.error))}
          </Alert>
        )}
        <Textarea
          label={t('initiatives.decide.note')}
          description={t('initiatives.decide.noteHint')}
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={touched && !validNote(note) ? t('initiatives.decide.noteRequired') : null}
          disabled={block === 'no_dimension' && !canWithdraw}
        />
        <Group>
          {!canWithdraw && (
            <Button
              color="teal"
              disabled={block !== null}
              loading={mutation.isPending && mutation.variables === 'supported'}
              onClick={() => decide('supported')}
            >
              {t('initiatives.decide.grant')}
            </Button>
          )}
          {canWithdraw && (
            <Button
              color="orange"
              variant="light"
              loading={mutation.isPending && mutation.variables === 'withdrawn'}
              onClick={() => decide('withdrawn')}
            >
              {t('initiatives.decide.withdraw')}
            </Button>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {t('initiatives.decide.notifies')}
        </Text>
      </Stack>
    </Paper>
  );
}
