// The user's access to a document, as a badge: can edit, or can read.
import { Badge } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentAccess } from '../api/types';

export function AccessBadge({ access }: { access: DocumentAccess }) {
  const { t } = useTranslation();
  const Icon = access === 'write' ? IconPencil : IconEye;
  return (
    <Badge
      variant="light"
      color={access === 'write' ? 'unesco' : 'gray'}
      leftSection={<Icon size={12} aria-hidden />}
      tt="none"
      fw={600}
    >
      {t(`documents.myAccess.${access}`)}
    </Badge>
  );
}
