// /members: a focal point's city members, or any city's for the Secretariat, and invitations.
import { Alert, Grid, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useCities, useMe } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { canManageMembers } from '../auth/permissions';
import { EMPTY_FILTERS } from '../cities/filters';
import { useNames } from '../i18n/names';
import { InviteForm } from './InviteForm';
import { MemberList } from './MemberList';

export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  const names = useNames();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isSecretariat = me.data?.user.role === 'secretariat';
  // Only the Secretariat chooses a city; everyone else manages their own.
  const allCities = useCities(EMPTY_FILTERS);
  const cityOptions = useMemo(
    () =>
      (isSecretariat ? (allCities.data ?? []) : []).map((c) => ({
        value: c.slug,
        label: `${c.name} (${names.country(c.iso2, c.country)})`,
      })),
    [isSecretariat, allCities.data, names],
  );

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in?next=%2Fmembers" replace />;
  if (!canManageMembers(me.data)) {
    return (
      <Alert color="gray" icon={<IconLock aria-hidden />} title={t('members.title')} maw={640}>
        {t('members.forbidden')}
      </Alert>
    );
  }

  const chosen = isSecretariat ? params.get('city') : (me.data.city?.slug ?? null);
  const city = isSecretariat
    ? allCities.data?.find((c) => c.slug === chosen)
    : (me.data.city ?? undefined);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('members.title')}</Title>
        <Text c="dimmed" fz="lg" mt={4}>
          {city ? t('members.subtitle', { city: city.name }) : t('members.subtitleNoCity')}
        </Text>
      </div>
      {isSecretariat && (
        <Paper withBorder p="lg" maw={480}>
          <Select
            label={t('members.city')}
            placeholder={t('members.chooseCity')}
            data={cityOptions}
            value={chosen}
            onChange={(slug) => setParams(slug ? { city: slug } : {}, { replace: true })}
            searchable
            nothingFoundMessage={t('cities.noResults')}
          />
        </Paper>
      )}
      {city && (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MemberList citySlug={city.slug} cityName={city.name} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <InviteForm key={city.slug} citySlug={city.slug} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
