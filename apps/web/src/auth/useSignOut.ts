// Signs out, forgets everything cached for the user, and returns to the directory.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signOut } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import { errorKey } from '../i18n/errors';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.me, null);
      // Members lists and other per-user answers must not outlive the session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      void navigate('/cities');
      notifications.show({ message: t('account.signedOut'), color: 'unesco' });
    },
    onError: (error) => {
      notifications.show({ title: t('errors.title'), message: t(errorKey(error)), color: 'red' });
    },
  });
}
