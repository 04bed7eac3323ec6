// Email and password sign-in; in demo mode, the demo accounts one click away.
import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { getMe, signIn } from '../api/endpoints';
import { queryKeys, useMe, usePublicConfig } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { errorKey } from '../i18n/errors';
import { DemoAccounts } from './DemoAccounts';
import { safeNextPath } from './permissions';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const config = usePublicConfig();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  const mutation = useMutation({
    mutationFn: async () => {
      await signIn({ email: email.trim(), password });
      return getMe();
    },
    onSuccess: (signedIn) => {
      queryClient.setQueryData(queryKeys.me, signedIn);
      // Answers fetched while signed out (city members, say) differ once signed in.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      if (signedIn) {
        notifications.show({ message: t('signIn.welcome', { name: signedIn.user.name }) });
      }
      void navigate(next, { replace: true });
    },
  });

  if (me.data && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={next} replace />;
  }

  const emailError = touched && !EMAIL_PATTERN.test(email.trim()) ? t('signIn.emailInvalid') : null;
  const passwordError = touched && password === '' ? t('signIn.passwordRequired') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!EMAIL_PATTERN.test(email.trim()) || password === '') return;
    mutation.mutate();
  };

  const demo = config.data?.demo;

  return (
    <Stack maw={520} mx="auto" gap="lg" mt={{ base: 0, sm: 'xl' }}>
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 40 }}>
        <Title order={1} fz={28} mb={6}>
          {t('signIn.title')}
        </Title>
        <Text c="dimmed" mb="xl">
          {t('signIn.subtitle')}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {mutation.isError && (
              <Alert
                color="red"
                variant="light"
                title={t('signIn.failed')}
                icon={<IconAlertCircle aria-hidden />}
                role="alert"
              >
                {t(errorKey(mutation.error))}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              placeholder={t('signIn.emailPlaceholder')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailError}
              size="md"
            />
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('app.togglePassword') }}
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={passwordError}
              size="md"
            />
            <Button
              ref={submitRef}
              type="submit"
              size="md"
              loading={mutation.isPending}
              fullWidth
              mt="xs"
            >
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Text fz="sm" c="dimmed" mt="lg">
          {t('signIn.noAccount')}
        </Text>
        <Anchor component={Link} to="/showcase" fz="sm" mt="xs" display="block">
          {t('showcase.signInLink')}
        </Anchor>
      </Paper>
      {demo?.enabled && demo.accounts.length > 0 && (
        <DemoAccounts
          demo={demo}
          onChoose={(demoEmail, demoPassword) => {
            setEmail(demoEmail);
            setPassword(demoPassword);
            setTouched(false);
            mutation.reset();
            submitRef.current?.focus();
          }}
        />
      )}
    </Stack>
  );
}
