// "CSV": the same table as a download, straight from the API.
import { Anchor } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function CsvLink({ href, label }: { href: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={href} download fz="sm" data-testid="csv-link">
      <IconDownload size={14} aria-hidden /> {label ?? t('monitoring.csv')}
    </Anchor>
  );
}
