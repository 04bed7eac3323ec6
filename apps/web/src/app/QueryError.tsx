// A failed request, explained in the user's language, with a retry button when it may help.
import { Alert, Button } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errors';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function QueryError({ error, onRetry, title }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title ?? t('errors.title')}
      role="alert"
    >
      {t(errorKey(error))}
      {onRetry && (
        <Button variant="white" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
