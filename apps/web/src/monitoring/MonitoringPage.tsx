// /monitoring, for the Secretariat: on one screen the cooperation network, the region and field
// heatmaps and who is live now; below, the measures and the reports due. Everyone else sees why
// they cannot.
import {
  Alert,
  Anchor,
  Button,
  Drawer,
  Grid,
  Group,
  Loader,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconLock, IconPrinter } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useFields, useMe, useRegions } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { canModerate } from '../auth/permissions';
import { useNames } from '../i18n/names';
import { PROPOSAL_STATUSES } from '../proposals/types';
import { CityCooperation } from './CityCooperation';
import { CooperationHeatmap } from './CooperationHeatmap';
import { CsvLink } from './CsvLink';
import { LiveNowPanel } from './LiveNowPanel';
import { MeasuresPanel } from './MeasuresPanel';
import { csvPath, EMPTY_NETWORK_FILTERS } from './paths';
import { useActivity, useGraph, useMeasures } from './queries';
import { ReportsPanel } from './ReportsPanel';
import type { NetworkFilters } from './types';
import './print.css';

// sigma and graphology stay out of the first load: only the Secretariat ever draws the graph.
const NetworkGraph = lazy(() => import('./NetworkGraph'));
// recharts likewise, for the activity charts below the measures.
const ActivityCharts = lazy(() => import('./ActivityCharts'));

const FIRST_YEAR = 2004;
/** Small enough that graph, heatmaps and "Live now" share one 1280×900 screen. */
const GRAPH_HEIGHT = 440;
const CHART_SKELETON = 320;

function NetworkFilterBar({
  filters,
  onChange,
}: {
  filters: NetworkFilters;
  onChange: (f: NetworkFilters) => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const fields = useFields().data ?? [];
  const regions = useRegions().data ?? [];
  const years = Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) =>
    String(new Date().getFullYear() - i),
  );
  const selects: { key: keyof NetworkFilters; data: { value: string; label: string }[] }[] = [
    {
      key: 'field',
      data: fields.map((f) => ({ value: f.slug, label: names.field(f.slug, f.name) })),
    },
    {
      key: 'region',
      data: regions.map((r) => ({ value: r.slug, label: names.region(r.slug, r.name) })),
    },
    { key: 'year', data: years.map((y) => ({ value: y, label: y })) },
    {
      key: 'status',
      data: [
        ...PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) })),
        // "completed" is a status of both; "active" only of initiatives.
        { value: 'active', label: t('initiatives.status.active') },
      ],
    },
  ];
  return (
    <Group align="flex-end">
      {selects.map(({ key, data }) => (
        <Select
          key={key}
          label={t(`monitoring.filters.${key}`)}
          placeholder={t('initiatives.filters.any')}
          data={data}
          clearable
          value={filters[key] || null}
          onChange={(value) => onChange({ ...filters, [key]: value ?? '' })}
        />
      ))}
    </Group>
  );
}

export function MonitoringPage() {
  const { t } = useTranslation();
  usePageTitle(t('monitoring.title'));
  const me = useMe();
  const allowed = canModerate(me.data);
  const [filters, setFilters] = useState<NetworkFilters>(EMPTY_NETWORK_FILTERS);
  const graph = useGraph(filters, allowed);
  const measures = useMeasures(filters, allowed);
  const activity = useActivity(allowed);
  const names = useNames();
  const [selected, setSelected] = useState<string | null>(null);
  const cityName = (slug: string) =>
    graph.data?.nodes.find((n) => n.city.slug === slug)?.city.name ?? slug;

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in?next=%2Fmonitoring" replace />;
  if (!allowed) {
    return (
      <Stack gap="xl" maw={720}>
        <Title order={1}>{t('monitoring.title')}</Title>
        <Alert
          color="gray"
          icon={<IconLock aria-hidden />}
          title={t('monitoring.secretariatOnly')}
          data-testid="secretariat-only"
        >
          {t('monitoring.secretariatOnlyHint')}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" data-print="report">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1}>{t('monitoring.title')}</Title>
          <Text c="dimmed" mt={4} maw={760}>
            {t('monitoring.subtitle')}
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
          data-print-hide
        >
          {t('monitoring.print')}
        </Button>
      </Group>
      <NetworkFilterBar filters={filters} onChange={setFilters} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Group justify="space-between" mb="xs">
            <Group gap="xs">
              <Title order={2} fz="h4">
                {t('monitoring.graph.title')}
              </Title>
              {graph.isFetching && <Loader size="xs" aria-hidden />}
            </Group>
            <Group gap="md">
              {/* The canvas takes no keyboard: picking a city here opens the same panel. */}
              <Select
                size="xs"
                w={150}
                searchable
                clearable
                placeholder={t('monitoring.measures.city')}
                aria-label={t('monitoring.measures.city')}
                data={(graph.data?.nodes ?? [])
                  .map((n) => ({ value: n.city.slug, label: n.city.name }))
                  .sort((a, b) => a.label.localeCompare(b.label))}
                value={selected}
                onChange={setSelected}
                data-print-hide
              />
              <CsvLink
                href={csvPath('graph', filters, 'nodes')}
                label={t('monitoring.graph.nodesCsv')}
              />
              <CsvLink
                href={csvPath('graph', filters, 'edges')}
                label={t('monitoring.graph.edgesCsv')}
              />
            </Group>
          </Group>
          {graph.isError ? (
            <QueryError error={graph.error} onRetry={() => void graph.refetch()} />
          ) : graph.data ? (
            <Suspense fallback={<Skeleton h={GRAPH_HEIGHT} />}>
              <NetworkGraph graph={graph.data} height={GRAPH_HEIGHT} onSelect={setSelected} />
            </Suspense>
          ) : (
            <Skeleton h={GRAPH_HEIGHT} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 4 }}>
          {measures.isError ? (
            <QueryError error={measures.error} onRetry={() => void measures.refetch()} />
          ) : measures.data ? (
            <Stack gap="sm">
              <CooperationHeatmap
                title={t('monitoring.heatmap.title')}
                matrix={measures.data.regionMatrix}
                label={(slug) => names.region(slug, slug)}
                csv={csvPath('measures', filters, 'regionMatrix')}
                testId="region-heatmap"
              />
              <CooperationHeatmap
                title={t('monitoring.heatmap.fieldTitle')}
                matrix={measures.data.fieldMatrix}
                label={(slug) => names.field(slug, slug)}
                csv={csvPath('measures', filters, 'fieldMatrix')}
                testId="field-heatmap"
              />
            </Stack>
          ) : (
            <Skeleton h={GRAPH_HEIGHT} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 3 }}>
          <LiveNowPanel height={GRAPH_HEIGHT} />
        </Grid.Col>
      </Grid>
      {measures.data && <MeasuresPanel measures={measures.data} filters={filters} />}
      {activity.isError ? (
        <QueryError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : activity.data ? (
        <Suspense fallback={<Skeleton h={CHART_SKELETON} />}>
          <ActivityCharts activity={activity.data} />
        </Suspense>
      ) : (
        <Skeleton h={CHART_SKELETON} />
      )}
      <Title order={2} fz="h3">
        {t('monitoring.reports.title')}
      </Title>
      <ReportsPanel />
      <Drawer
        opened={selected !== null}
        onClose={() => setSelected(null)}
        position="right"
        title={
          selected && (
            <Anchor component={Link} to={`/cities/${selected}`} fw={650} fz="lg">
              {cityName(selected)}
            </Anchor>
          )
        }
        data-testid="city-panel"
      >
        {selected && (
          <CityCooperation
            slug={selected}
            edges={graph.data?.edges ?? []}
            cityName={cityName}
            jointOnly
          />
        )}
      </Drawer>
    </Stack>
  );
}
