// /cities/:slug: one member city, where it is, its UNESCO page, who takes part for it, and for
// the Secretariat its monitoring.
import {
  Anchor,
  Breadcrumbs,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useCity, useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { canModerate } from '../auth/permissions';
import { FieldBadge } from '../fields/FieldBadge';
import { errorKey } from '../i18n/errors';
import { useNames } from '../i18n/names';
import { CityGlobe } from '../map';
import { formatCoordinates } from '../map/coordinates';
import { NotFoundPage } from '../pages/NotFoundPage';
import { CityMembers } from './CityMembers';
import { CityMonitoring } from './CityMonitoring';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text
        component="dt"
        fz="xs"
        tt="uppercase"
        fw={600}
        c="dimmed"
        style={{ letterSpacing: 0.4 }}
      >
        {label}
      </Text>
      <Text component="dd" m={0} mt={4} fz="md" fw={500}>
        {children}
      </Text>
    </div>
  );
}

export function CityPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const names = useNames();
  const query = useCity(slug);
  const me = useMe();
  const city = query.data?.city;
  usePageTitle(city?.name ?? null);

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <NotFoundPage
          title={t('city.notFoundTitle')}
          description={t(errorKey(query.error))}
          actionLabel={t('city.backToCities')}
        />
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }

  if (!city) {
    return (
      <Stack gap="lg" aria-busy="true">
        <Skeleton h={20} w={160} />
        <Skeleton h={40} w={320} />
        <Skeleton h={280} />
      </Stack>
    );
  }

  const fieldName = names.field(city.fieldSlug, city.field);
  const summary =
    city.year === null
      ? t('city.summary', { field: fieldName })
      : t('city.summarySince', { field: fieldName, year: city.year });

  return (
    <Stack gap="xl">
      <Breadcrumbs>
        <Anchor component={Link} to="/cities">
          {t('city.breadcrumb')}
        </Anchor>
        <Text c="dimmed" aria-current="page">
          {city.name}
        </Text>
      </Breadcrumbs>

      <div>
        <Group gap="md" align="center">
          <Title order={1}>{city.name}</Title>
          <FieldBadge slug={city.fieldSlug} name={city.field} size="lg" />
        </Group>
        <Text c="dimmed" fz="lg" mt={4}>
          {names.country(city.iso2, city.country)} · {summary}
        </Text>
      </div>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xl">
            <Paper withBorder p="lg" component="section" aria-labelledby="city-details">
              <Title order={2} fz="lg" mb="md" id="city-details">
                {t('city.details')}
              </Title>
              <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="lg" m={0}>
                <Fact label={t('city.country')}>{names.country(city.iso2, city.country)}</Fact>
                <Fact label={t('city.region')}>{names.region(city.regionSlug, city.region)}</Fact>
                <Fact label={t('city.field')}>{fieldName}</Fact>
                <Fact label={t('city.year')}>{city.year ?? t('city.yearUnknown')}</Fact>
              </SimpleGrid>
              {city.unescoUrl && (
                <Anchor
                  href={city.unescoUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  mt="lg"
                  display="inline-flex"
                  style={{ alignItems: 'center', gap: 6 }}
                >
                  {t('city.unescoPage')}
                  <IconExternalLink size={16} aria-hidden />
                  <VisuallyHidden>{t('app.newTab')}</VisuallyHidden>
                </Anchor>
              )}
            </Paper>
            <CityMembers citySlug={city.slug} members={query.data?.members ?? null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg">
            {city.lat !== null && city.lon !== null ? (
              <>
                <CityGlobe
                  lat={city.lat}
                  lon={city.lon}
                  fieldSlug={city.fieldSlug}
                  label={t('city.location', { name: city.name })}
                />
                <Text fz="sm" c="dimmed" ta="center" mt="sm">
                  {formatCoordinates(city.lat, city.lon, names.lang)}
                </Text>
              </>
            ) : (
              <Text c="dimmed" fz="sm" ta="center" py="xl">
                {t('city.noLocation')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      {canModerate(me.data) && <CityMonitoring slug={city.slug} />}
    </Stack>
  );
}
