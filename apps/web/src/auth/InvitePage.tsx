// /invite/:token: who invited you where, then name and password to create the account.
import {
  Button,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { acceptInvitation, getMe } from '../api/endpoints';
import { queryKeys, useInvitation } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { errorKey } from '../i18n/errors';
import { NotFoundPage } from '../pages/NotFoundPage';

/** better-auth's default minimum; the server has the final word. */
const MIN_PASSWORD = 8;

export function InvitePage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('invite.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useInvitation(token);

  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);

  const accept = useMutation({
    mutationFn: async () => {
      await acceptInvitation(token, { name: name.trim(), password });
      return getMe();
    },
    onSuccess: (me) => {
      queryClient.setQueryData(queryKeys.me, me);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      notifications.show({ message: t('invite.welcome', { name: me?.user.name ?? name.trim() }) });
      void navigate(me?.city ? `/cities/${me.city.slug}` : '/cities', { replace: true });
    },
  });

  if (invitation.isPending) {
    return <Skeleton h={360} maw={520} mx="auto" radius="md" />;
  }
  if (invitation.isError) {
    return (
      <NotFoundPage title={t('invite.invalidTitle')} description={t(errorKey(invitation.error))} />
    );
  }

  const { city, role, invitedBy, email, expiresAt } = invitation.data;
  const nameError = touched && name.trim() === '' ? t('invite.nameRequired') : null;
  const passwordError =
    touched && password.length < MIN_PASSWORD
      ? t('invite.passwordTooShort', { min: MIN_PASSWORD })
      : null;
  const confirmError = touched && confirm !== password ? t('invite.passwordMismatch') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === '' || password.length < MIN_PASSWORD || confirm !== password) return;
    accept.mutate();
  };

  const values = { invitedBy, city: city?.name ?? '', role: t(`invite.asRole.${role}`) };

  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 40 }} maw={520} mx="auto">
      <Title order={1} fz={28} mb="sm">
        {t('invite.title')}
      </Title>
      <Text fz="lg" mb={4}>
        <Trans
          t={t}
          i18nKey={city ? 'invite.intro' : 'invite.introNoCity'}
          values={values}
          components={{ strong: <strong /> }}
        />
      </Text>
      <Text fz="sm" c="dimmed" mb="xl">
        {t('invite.expires', {
          date: new Date(expiresAt).toLocaleDateString(i18n.language, { dateStyle: 'long' }),
        })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {accept.isError && <QueryError error={accept.error} />}
          <TextInput label={t('invite.email')} value={email} readOnly autoComplete="username" />
          <TextInput
            label={t('invite.name')}
            placeholder={t('invite.namePlaceholder')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('app.togglePassword') }}
            label={t('invite.password')}
            description={t('invite.passwordHint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('app.togglePassword') }}
            label={t('invite.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={confirmError}
          />
          <Button type="submit" size="md" loading={accept.isPending} fullWidth mt="xs">
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
