// A proposal's status as a coloured badge, in the user's language.
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from './types';
import { statusColor } from './workflow';

interface StatusBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  status: ProposalStatus;
}

export function StatusBadge({ status, ...props }: StatusBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      tt="none"
      color={statusColor(status)}
      data-testid="proposal-status"
      data-status={status}
      {...props}
    >
      {t(`proposals.status.${status}`)}
    </Badge>
  );
}

/** "International" and "Cross-field": a proposal's network markers. */
export function NetworkMarkers(props: { international: boolean; crossField: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {props.international && (
        <Badge variant="outline" color="blue" tt="none" size="sm">
          {t('proposals.markers.international')}
        </Badge>
      )}
      {props.crossField && (
        <Badge variant="outline" color="grape" tt="none" size="sm">
          {t('proposals.markers.crossField')}
        </Badge>
      )}
    </>
  );
}
