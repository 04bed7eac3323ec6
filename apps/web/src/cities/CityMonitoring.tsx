// On a city's page, for the Secretariat only: its Membership Monitoring Report (next due,
// overdue, last received, "Record as received"), its partners, proposals and initiatives, and
// when it was last active.
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CityCooperation, useCityWork } from '../monitoring/CityCooperation';
import { EMPTY_NETWORK_FILTERS } from '../monitoring/paths';
import { useGraph, useReports } from '../monitoring/queries';
import { RecordModal } from '../monitoring/ReportsPanel';
import type { ReportStatus } from '../monitoring/types';

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fz="sm" c="dimmed" miw={170}>
        {label}
      </Text>
      <Text fz="sm" fw={500} component="div">
        {children}
      </Text>
    </Group>
  );
}

function ReportStatusCard({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<ReportStatus | null>(null);
  const schedule = status.schedule;
  return (
    <Stack gap="xs" data-testid="city-report">
      {schedule ? (
        <>
          <Line label={t('monitoring.city.nextDue')}>
            <Group gap="xs">
              {schedule.nextDueDate}
              {schedule.overdue && (
                <Badge color="red" variant="light" tt="none" data-testid="report-overdue">
                  {t('monitoring.city.overdue')}
                </Badge>
              )}
              {!schedule.overdue && schedule.dueSoon && (
                <Badge color="orange" variant="light" tt="none">
                  {t('monitoring.city.dueSoon')}
                </Badge>
              )}
            </Group>
          </Line>
          <Line label={t('monitoring.reports.missed')}>{schedule.missedCycles}</Line>
        </>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('monitoring.city.noSchedule')}
        </Text>
      )}
      <Line label={t('monitoring.city.lastReceived')}>
        {status.lastReceivedOn ? (
          <Group gap="xs">
            {status.lastReceivedOn}
            {status.lastLink && (
              <Anchor href={status.lastLink} target="_blank" rel="noopener noreferrer" fz="sm">
                {t('monitoring.city.openReport')} <IconExternalLink size={12} aria-hidden />
              </Anchor>
            )}
          </Group>
        ) : (
          t('monitoring.city.noneReceived')
        )}
      </Line>
      <Group>
        <Button size="xs" variant="light" onClick={() => setRecording(status)}>
          {t('monitoring.reports.record')}
        </Button>
      </Group>
      <RecordModal city={recording} onClose={() => setRecording(null)} />
    </Stack>
  );
}

export function CityMonitoring({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const reports = useReports('all', true);
  const graph = useGraph(EMPTY_NETWORK_FILTERS, true);
  const work = useCityWork(slug, false);
  const status = reports.data?.cities.find((c) => c.city.slug === slug);
  const cityName = (other: string) =>
    graph.data?.nodes.find((n) => n.city.slug === other)?.city.name ?? other;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="city-monitoring">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={2} fz="lg" mb="md" id="city-monitoring">
            {t('monitoring.city.report')}
          </Title>
          {status ? <ReportStatusCard status={status} /> : <Skeleton h={100} />}
          <Title order={2} fz="lg" mt="xl" mb="xs">
            {t('monitoring.city.lastActivity')}
          </Title>
          <Text fz="sm" data-testid="city-last-activity">
            {work.isPending
              ? '…'
              : work.lastActivity
                ? new Date(work.lastActivity).toLocaleDateString(i18n.language)
                : t('monitoring.city.noActivity')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={2} fz="lg" mb="md">
            {t('monitoring.city.cooperation')}
          </Title>
          {graph.data ? (
            <CityCooperation
              slug={slug}
              edges={graph.data.edges}
              cityName={cityName}
              jointOnly={false}
            />
          ) : (
            <Skeleton h={160} />
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
