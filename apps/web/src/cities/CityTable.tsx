// The directory's list of cities: a table whose rows open the city page.
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { City } from '../api/types';
import { FieldBadge } from '../fields/FieldBadge';
import { useNames } from '../i18n/names';

export function CityTable({ cities }: { cities: City[] }) {
  const { t } = useTranslation();
  const names = useNames();
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" stickyHeader>
        <caption>
          <VisuallyHidden>{t('cities.tableCaption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cities.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('cities.columns.country')}</Table.Th>
            <Table.Th scope="col">{t('cities.columns.field')}</Table.Th>
            <Table.Th scope="col">{t('cities.columns.region')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('cities.columns.year')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cities.map((city) => (
            <Table.Tr
              key={city.id}
              className="uccn-city-row"
              // The name is the keyboard's link; the row is a larger target for the mouse.
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(`/cities/${city.slug}`);
              }}
            >
              <Table.Th scope="row" fw={600}>
                <Anchor component={Link} to={`/cities/${city.slug}`} c="unesco.8" fw={600}>
                  {city.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{names.country(city.iso2, city.country)}</Table.Td>
              <Table.Td>
                <FieldBadge slug={city.fieldSlug} name={city.field} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c="dimmed">
                  {names.region(city.regionSlug, city.region)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {city.year ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
