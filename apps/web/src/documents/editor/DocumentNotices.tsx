// Notices above the editor: read-only access, and live editing stopped by the server.
import { Alert, Anchor, Button } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me, SharedDocument } from '../../api/types';
import type { CollabProblem } from './closeCodes';

export function ReadOnlyNotice({ document, me }: { document: SharedDocument; me: Me }) {
  const { t } = useTranslation();
  const message = document.archived
    ? t('documents.readOnly.archived')
    : me.city
      ? t('documents.readOnly.city')
      : t('documents.readOnly.secretariat');
  const Icon = document.archived ? IconArchive : IconLock;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<Icon aria-hidden />}
      data-testid="read-only-notice"
      styles={{ message: { fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      {message}
    </Alert>
  );
}

export function ProblemNotice({
  problem,
  onRetry,
}: {
  problem: CollabProblem;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const action =
    problem === 'unauthorized' ? (
      <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
        {t('documents.problem.signIn')}
      </Anchor>
    ) : problem === 'malformed' ? (
      <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
        {t('documents.problem.reload')}
      </Button>
    ) : (
      <Button size="xs" variant="white" color="red" onClick={onRetry}>
        {t('documents.problem.retry')}
      </Button>
    );
  return (
    <Alert
      color={problem === 'tooLarge' ? 'orange' : 'red'}
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t(`documents.problem.${problem}.title`)}
      role="alert"
    >
      {t(`documents.problem.${problem}.description`)}
      <div style={{ marginTop: 8 }}>{action}</div>
    </Alert>
  );
}
