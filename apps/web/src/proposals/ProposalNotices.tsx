// Above the editor: why the text is read-only (submitted, decided, invited…), and the
// Secretariat's latest note.
import { Alert } from '@mantine/core';
import { IconLock, IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import type { Proposal } from './types';
import { cityRole, readOnlyReason } from './workflow';

export function ReadOnlyNotice({ proposal, me }: { proposal: Proposal; me: Me }) {
  const { t } = useTranslation();
  const reason = readOnlyReason(
    proposal.status,
    cityRole(proposal, me.city?.slug),
    me.user.role === 'secretariat',
  );
  const status = t(`proposals.status.${proposal.status}`);
  return (
    <Alert
      color={reason === 'invited' ? 'unesco' : 'gray'}
      variant="light"
      icon={<IconLock aria-hidden />}
      title={
        reason === 'review' || reason === 'decided' || reason === 'closed'
          ? t('proposals.readOnly.title', { status })
          : t('proposals.readOnly.titleReader')
      }
      data-testid="read-only-notice"
      styles={{ message: { fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      {t(`proposals.readOnly.${reason}`, {
        city: me.city?.name ?? '',
        lead: proposal.leadCity.name,
      })}
    </Alert>
  );
}

export function DecisionNote({ note, status }: { note: string; status: Proposal['status'] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={status === 'returned' ? 'orange' : status === 'not_supported' ? 'red' : 'teal'}
      variant="light"
      icon={<IconMessageCircle aria-hidden />}
      title={t('proposals.decisionNote')}
      data-testid="decision-note"
      styles={{ message: { whiteSpace: 'pre-wrap' } }}
    >
      {note}
    </Alert>
  );
}
