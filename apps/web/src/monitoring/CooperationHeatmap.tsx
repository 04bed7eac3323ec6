// A cooperation matrix (region × region or field × field) as a compact table whose cells are
// shaded by how much the two sides cooperate, with the pairs that cooperate least named below.
import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { heatColor, heatTextColor, matrixMax, weakestPairs } from './heatmap';
import { Heading } from './MeasuresPanel';
import type { Matrix } from './types';

/** How many of the weakest pairs are named under the heatmap. */
const WEAKEST = 3;

export function CooperationHeatmap({
  title,
  matrix,
  label,
  csv,
  testId,
}: {
  title: string;
  matrix: Matrix;
  /** A key's display name (a region's or field's name in the current language). */
  label: (key: string) => string;
  csv: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const max = matrixMax(matrix.cells);
  const pairs = weakestPairs(matrix, Number.POSITIVE_INFINITY);
  const weakest = pairs.slice(0, WEAKEST);
  // Ties at zero are common: say how many more pairs have no joint work at all.
  const moreWithNone = Math.max(0, pairs.filter((pair) => pair.value === 0).length - WEAKEST);

  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Heading title={title} csv={csv} />
      {/* Columns are numbered so that the table fits beside the graph; rows carry the names. */}
      <Table fz="xs" withColumnBorders verticalSpacing={3} horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {matrix.keys.map((key, j) => (
              <Table.Th key={key} ta="center" title={label(key)} aria-label={label(key)}>
                {j + 1}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.keys.map((row, i) => (
            <Table.Tr key={row}>
              <Table.Th fw={500}>
                {i + 1}. {label(row)}
              </Table.Th>
              {matrix.keys.map((column, j) => {
                const value = matrix.cells[i]?.[j] ?? 0;
                return (
                  <Table.Td
                    key={column}
                    ta="center"
                    title={`${label(row)} × ${label(column)}: ${value}`}
                    style={{ background: heatColor(value, max), color: heatTextColor(value, max) }}
                  >
                    {value}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {weakest.length > 0 && (
        <Text fz="xs" mt={6} data-testid={`${testId}-weakest`}>
          <Text span fw={600} fz="xs">
            {t('monitoring.heatmap.weakest')}
          </Text>{' '}
          {weakest.map((pair) => `${label(pair.a)} – ${label(pair.b)} (${pair.value})`).join(' · ')}
          {moreWithNone > 0 && ` ${t('monitoring.heatmap.moreWithNone', { count: moreWithNone })}`}
        </Text>
      )}
    </Paper>
  );
}
