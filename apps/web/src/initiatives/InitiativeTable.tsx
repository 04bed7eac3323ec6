// The list of initiatives: title, cities, fields, dimension and support state.
import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldBadge } from '../fields/FieldBadge';
import { DimensionBadges, SupportBadge } from './SupportBadge';
import type { Initiative } from './types';

export const initiativePath = (id: string) => `/initiatives/${encodeURIComponent(id)}`;

export function InitiativeTable({ initiatives }: { initiatives: Initiative[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="38%">{t('initiatives.list.title')}</Table.Th>
            <Table.Th>{t('initiatives.list.cities')}</Table.Th>
            <Table.Th>{t('initiatives.list.fields')}</Table.Th>
            <Table.Th>{t('initiatives.list.support')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {initiatives.map((initiative) => (
            <Table.Tr key={initiative.id} data-testid="initiative-row">
              <Table.Td>
                <Anchor component={Link} to={initiativePath(initiative.id)} fw={600}>
                  {initiative.title}
                </Anchor>
                <Text fz="sm" c="dimmed" lineClamp={2}>
                  {initiative.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={600}>
                  {initiative.leadCity.name}
                </Text>
                {initiative.partners.length > 0 && (
                  <Text fz="sm">{initiative.partners.map((p) => p.name).join(', ')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {initiative.fields.map((f) => (
                    <FieldBadge key={f.slug} slug={f.slug} name={f.name} size="sm" />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <SupportBadge support={initiative.support} />
                  <DimensionBadges initiative={initiative} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
