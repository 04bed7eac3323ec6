// /initiatives/:id: an initiative's cities, dimension, support state and the decisions so far.
import {
  Anchor,
  Badge,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconCrown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { canModerate } from '../auth/permissions';
import { FieldBadge } from '../fields/FieldBadge';
import { localizedName, useNames } from '../i18n/names';
import { useInitiative } from './queries';
import { DimensionBadges, SupportBadge } from './SupportBadge';
import { SupportPanel } from './SupportPanel';
import type { PlacedCity } from './types';

function CityLine({ city, lead }: { city: PlacedCity; lead?: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <Group gap={6} wrap="nowrap">
      {lead && (
        <IconCrown
          size={14}
          color="var(--mantine-color-yellow-7)"
          aria-label={t('initiatives.detail.lead')}
        />
      )}
      <Anchor component={Link} to={`/cities/${encodeURIComponent(city.slug)}`} fw={600}>
        {city.name}
      </Anchor>
      <Text fz="sm" c="dimmed">
        {names.country(city.country.iso2, city.country.name)} ·{' '}
        {names.region(city.region.slug, city.region.name)}
      </Text>
    </Group>
  );
}

export function InitiativePage() {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const { id = '' } = useParams();
  const me = useMe();
  const query = useInitiative(id);
  usePageTitle(query.data?.initiative.title ?? t('initiatives.title'));

  if (me.isPending) return null;
  if (!me.data)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(`/initiatives/${id}`)}`} replace />;
  if (query.isPending) return <Loader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { initiative, supportHistory } = query.data;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to="/initiatives" fz="sm">
          {t('initiatives.detail.back')}
        </Anchor>
        <Title order={1} mt="xs">
          {initiative.title}
        </Title>
        <Group gap="xs" mt="sm">
          <SupportBadge support={initiative.support} />
          <Badge variant="default" tt="none">
            {t(`initiatives.status.${initiative.status}`)}
          </Badge>
          <DimensionBadges initiative={initiative} />
          {initiative.fields.map((f) => (
            <FieldBadge key={f.slug} slug={f.slug} name={f.name} />
          ))}
        </Group>
      </div>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="lg">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{initiative.description}</Text>
          {initiative.themes.length > 0 && (
            <Text fz="sm">
              <strong>{t('initiatives.detail.themes')}</strong>{' '}
              {initiative.themes.map((th) => localizedName(th, names.lang)).join(', ')}
            </Text>
          )}
          {(initiative.startDate || initiative.endDate) && (
            <Text fz="sm">
              <strong>{t('initiatives.detail.dates')}</strong> {initiative.startDate ?? '…'} –{' '}
              {initiative.endDate ?? '…'}
            </Text>
          )}
          {initiative.links.length > 0 && (
            <List size="sm">
              {initiative.links.map((link) => (
                <List.Item key={link.url}>
                  <Anchor href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
          <Paper withBorder p="lg">
            <Title order={2} fz="h4" mb="sm">
              {t('initiatives.detail.cities')}
            </Title>
            <Stack gap={6}>
              <CityLine city={initiative.leadCity} lead />
              {initiative.partners.map((city) => (
                <CityLine key={city.slug} city={city} />
              ))}
            </Stack>
            {!initiative.interCity && !initiative.international && (
              <Text fz="sm" c="dimmed" mt="sm">
                {t('initiatives.detail.noDimension')}
              </Text>
            )}
          </Paper>
        </Stack>

        <Stack gap="lg">
          {canModerate(me.data) && <SupportPanel initiative={initiative} />}
          <Paper withBorder p="lg">
            <Title order={2} fz="h4" mb="sm">
              {t('initiatives.detail.history')}
            </Title>
            {supportHistory.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t('initiatives.detail.noHistory')}
              </Text>
            ) : (
              <Timeline bulletSize={14} lineWidth={2} data-testid="support-history">
                {supportHistory.map((entry) => (
                  <Timeline.Item
                    key={entry.at}
                    title={t('initiatives.detail.decision', {
                      to: t(`initiatives.support.${entry.to}`),
                    })}
                  >
                    <Text fz="sm">{entry.note}</Text>
                    <Text fz="xs" c="dimmed">
                      {entry.by?.name ?? t('initiatives.detail.someone')} · {date(entry.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
