// A section that is planned but not built yet: what it will offer, and where to go meanwhile.
import { Badge, Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle';

export type PlannedSection = 'monitoring';

const ICONS = { monitoring: IconChartBar };

export function PlaceholderPage({ section }: { section: PlannedSection }) {
  const { t } = useTranslation();
  const title = t(`placeholder.${section}.title`);
  usePageTitle(title);
  const Icon = ICONS[section];

  return (
    <Stack gap="xl" maw={720}>
      <Title order={1}>{title}</Title>
      <Paper withBorder p={{ base: 'lg', sm: 40 }}>
        <Stack gap="md" align="flex-start">
          <ThemeIcon size={56} radius="xl" variant="light" color="unesco">
            <Icon size={28} aria-hidden />
          </ThemeIcon>
          <Badge variant="outline" color="unesco" size="lg" tt="none">
            {t('placeholder.comingSoon')}
          </Badge>
          <Text fz="lg">{t(`placeholder.${section}.description`)}</Text>
          <Text c="dimmed">{t('placeholder.meanwhile')}</Text>
          <Button component={Link} to="/cities" rightSection={<IconArrowRight size={16} />}>
            {t('placeholder.browseCities')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
