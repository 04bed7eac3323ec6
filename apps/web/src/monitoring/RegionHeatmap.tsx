// The region × region matrix as a table whose cells are shaded by how much the regions cooperate.
import { Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNames } from '../i18n/names';
import { heatColor, heatTextColor, matrixMax } from './heatmap';
import { Heading } from './MeasuresPanel';
import { csvPath } from './paths';
import type { Matrix, NetworkFilters } from './types';

export function RegionHeatmap({ matrix, filters }: { matrix: Matrix; filters: NetworkFilters }) {
  const { t } = useTranslation();
  const names = useNames();
  const max = matrixMax(matrix.cells);
  const label = (slug: string) => names.region(slug, slug);

  return (
    <Paper withBorder p="md">
      <Heading
        title={t('monitoring.heatmap.title')}
        csv={csvPath('measures', filters, 'regionMatrix')}
      />
      <Table.ScrollContainer minWidth={560}>
        <Table fz="sm" withColumnBorders data-testid="region-heatmap">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {matrix.keys.map((key) => (
                <Table.Th key={key} ta="center">
                  {label(key)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.keys.map((row, i) => (
              <Table.Tr key={row}>
                <Table.Th>{label(row)}</Table.Th>
                {matrix.keys.map((column, j) => {
                  const value = matrix.cells[i]?.[j] ?? 0;
                  return (
                    <Table.Td
                      key={column}
                      ta="center"
                      style={{
                        background: heatColor(value, max),
                        color: heatTextColor(value, max),
                      }}
                    >
                      {value}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
