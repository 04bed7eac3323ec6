// The router's last resort: an error thrown while rendering a page.
import { Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorKey } from '../i18n/errors';
import { NotFoundPage } from './NotFoundPage';

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // Kept in the console for whoever reports the problem; the page shows a plain message.
  console.error(error);
  return (
    <Container size="sm" py={80}>
      <Paper withBorder p="xl">
        <Stack gap="md">
          <Title order={1} fz={26}>
            {t('errors.title')}
          </Title>
          <Text>{t(errorKey(error))}</Text>
          <Button onClick={() => window.location.reload()} w="fit-content">
            {t('errors.retry')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
