// Invites someone to a city by email and role, then shows the link to send them.
import {
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconMailPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createInvitation } from '../api/endpoints';
import type { InvitableRole } from '../api/types';
import { QueryError } from '../app/QueryError';
import { useNames } from '../i18n/names';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROLES: InvitableRole[] = ['member', 'focal_point'];

export function InviteForm({ citySlug }: { citySlug: string }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>('member');
  const [touched, setTouched] = useState(false);

  const mutation = useMutation({
    mutationFn: () => createInvitation({ email: email.trim(), role, citySlug }),
    onSuccess: () => {
      setEmail('');
      setTouched(false);
    },
  });

  const emailError = touched && !EMAIL_PATTERN.test(email.trim()) ? t('signIn.emailInvalid') : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (EMAIL_PATTERN.test(email.trim())) mutation.mutate();
  };
  const created = mutation.data;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="invite-title">
      <Title order={2} fz="lg" id="invite-title">
        {t('members.inviteTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mt={4} mb="md">
        {t('members.inviteHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('members.inviteEmail')}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
          />
          <Select
            label={t('members.inviteRole')}
            data={ROLES.map((r) => ({ value: r, label: names.role(r) }))}
            value={role}
            onChange={(value) => setRole(value === 'focal_point' ? 'focal_point' : 'member')}
            allowDeselect={false}
          />
          {mutation.isError && <QueryError error={mutation.error} />}
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconMailPlus size={16} aria-hidden />}
            w="fit-content"
          >
            {t('members.inviteSubmit')}
          </Button>
        </Stack>
      </form>
      {created && (
        <Alert
          mt="lg"
          color="green"
          variant="light"
          icon={<IconCheck aria-hidden />}
          title={t('members.inviteCreated', { email: created.invitation.email })}
          role="status"
        >
          <Stack gap="xs">
            <TextInput
              label={t('members.inviteLink')}
              value={created.link}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              data-testid="invite-link"
            />
            <Group justify="space-between" gap="xs">
              <Text fz="xs" c="dimmed">
                {t('members.expires', {
                  date: new Date(created.invitation.expiresAt).toLocaleDateString(i18n.language, {
                    dateStyle: 'long',
                  }),
                })}
              </Text>
              <CopyButton value={created.link}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'green' : 'unesco'}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                    onClick={copy}
                  >
                    {copied ? t('members.copied') : t('members.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
    </Paper>
  );
}
