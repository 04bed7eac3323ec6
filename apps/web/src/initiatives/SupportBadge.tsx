// An initiative's support state and its dimension flags, as badges.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { supportColor } from './support';
import type { Initiative } from './types';

export function SupportBadge({ support }: { support: Initiative['support'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" tt="none" color={supportColor(support)} data-testid="support-state">
      {t(`initiatives.support.${support}`)}
    </Badge>
  );
}

export function DimensionBadges({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  return (
    <>
      {initiative.interCity && (
        <Badge variant="outline" color="blue" tt="none" size="sm">
          {t('initiatives.dimension.interCity')}
        </Badge>
      )}
      {initiative.international && (
        <Badge variant="outline" color="grape" tt="none" size="sm">
          {t('initiatives.dimension.international')}
        </Badge>
      )}
    </>
  );
}
