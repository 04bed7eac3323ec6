// Beside the graph: the shares of international, cross-field and cross-region work, the cities
// without a partner and the ones that connect the most others.
import { Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CsvLink } from './CsvLink';
import { percent } from './heatmap';
import { csvPath } from './paths';
import type { Measures, NetworkFilters } from './types';

const TOP = 8;

export function Heading({ title, csv }: { title: string; csv: string }) {
  return (
    <Group justify="space-between" mb="xs">
      <Title order={3} fz="h5">
        {title}
      </Title>
      <CsvLink href={csv} />
    </Group>
  );
}

export function MeasuresPanel({
  measures,
  filters,
}: {
  measures: Measures;
  filters: NetworkFilters;
}) {
  const { t } = useTranslation();
  const rows = [
    { key: 'proposals', shares: measures.proposals },
    { key: 'initiatives', shares: measures.initiatives },
  ] as const;

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="measures">
      <Paper withBorder p="md">
        <Heading
          title={t('monitoring.measures.shares')}
          csv={csvPath('measures', filters, 'shares')}
        />
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('monitoring.measures.total')}</Table.Th>
              <Table.Th>{t('monitoring.measures.international')}</Table.Th>
              <Table.Th>{t('monitoring.measures.crossField')}</Table.Th>
              <Table.Th>{t('monitoring.measures.crossRegion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ key, shares }) => (
              <Table.Tr key={key}>
                <Table.Th>{t(`monitoring.measures.${key}`)}</Table.Th>
                <Table.Td>{shares.total}</Table.Td>
                <Table.Td>{percent(shares.internationalShare)}</Table.Td>
                <Table.Td>{percent(shares.crossFieldShare)}</Table.Td>
                <Table.Td>{percent(shares.crossRegionShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Heading
          title={t('monitoring.measures.central')}
          csv={csvPath('measures', filters, 'centrality')}
        />
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitoring.measures.city')}</Table.Th>
              <Table.Th>{t('monitoring.measures.degree')}</Table.Th>
              <Table.Th>{t('monitoring.measures.betweenness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {measures.centrality.slice(0, TOP).map((row) => (
              <Table.Tr key={row.city.slug}>
                <Table.Td>{row.city.name}</Table.Td>
                <Table.Td>{row.degree}</Table.Td>
                <Table.Td>{row.betweenness.toFixed(1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Heading
          title={t('monitoring.measures.withoutPartner', { count: measures.withoutPartner.length })}
          csv={csvPath('measures', filters, 'withoutPartner')}
        />
        <Text fz="sm" lineClamp={6}>
          {measures.withoutPartner.map((c) => c.name).join(', ') || t('monitoring.measures.none')}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}
