// Activity as charts (recharts, loaded lazily): proposals per year stacked by status, and
// messages per channel; each with its CSV.
import { DEFAULT_THEME, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ProposalStatus } from '../proposals/types';
import { statusColor } from '../proposals/workflow';
import { proposalsPerYear } from './activity';
import { Heading } from './MeasuresPanel';
import { csvPath } from './paths';
import type { Activity } from './types';

const CHART_HEIGHT = 260;
const CHANNEL_COLOR = DEFAULT_THEME.colors.blue[6];

const statusHex = (status: string) =>
  DEFAULT_THEME.colors[statusColor(status as ProposalStatus) ?? 'gray']?.[6] ?? '#868e96';

export default function ActivityCharts({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { rows, statuses } = proposalsPerYear(activity.proposalsByStatus);
  const channels = [...activity.messagesByChannel].sort((a, b) => b.messages - a.messages);
  const csv = csvPath('activity', {});
  const empty = (
    <Text c="dimmed" fz="sm">
      {t('monitoring.activity.noData')}
    </Text>
  );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="activity-charts">
      <Paper withBorder p="md">
        <Heading title={t('monitoring.activity.proposalsByYear')} csv={csv} />
        {rows.length === 0 ? (
          empty
        ) : (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {statuses.map((status) => (
                <Bar
                  key={status}
                  dataKey={status}
                  name={t(`proposals.status.${status as ProposalStatus}`)}
                  stackId="status"
                  fill={statusHex(status)}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Heading title={t('monitoring.activity.messagesByChannel')} csv={csv} />
        {channels.length === 0 ? (
          empty
        ) : (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={channels} layout="vertical" margin={{ left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} fontSize={12} />
              <YAxis type="category" dataKey="channel" width={140} fontSize={12} />
              <Tooltip />
              <Bar
                dataKey="messages"
                name={t('monitoring.activity.messages')}
                fill={CHANNEL_COLOR}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        )}
      </Paper>
    </SimpleGrid>
  );
}
