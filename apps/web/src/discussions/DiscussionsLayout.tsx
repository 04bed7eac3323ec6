// /discussions: the channel list beside the chosen channel; signed-in members only.
import { Grid, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { ChannelList } from './ChannelList';
import { useChannels } from './queries';

export function DiscussionsLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const { channelSlug } = useParams();
  const channels = useChannels();

  if (me.isPending) return null;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }

  return (
    <Grid gap="xl">
      {/* On a phone, the list gives way to the channel once one is chosen. */}
      <Grid.Col span={{ base: 12, md: 3 }} visibleFrom={channelSlug ? 'md' : undefined}>
        <Title order={2} fz="h3" mb="md">
          {t('discussions.title')}
        </Title>
        {channels.isError ? (
          <QueryError error={channels.error} onRetry={() => void channels.refetch()} />
        ) : channels.isPending ? (
          <Loader size="sm" aria-label={t('app.loading')} />
        ) : (
          <ChannelList channels={channels.data} activeSlug={channelSlug} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Outlet />
      </Grid.Col>
    </Grid>
  );
}

/** /discussions itself: what the area is for, until a channel is chosen. */
export function DiscussionsHome() {
  const { t } = useTranslation();
  usePageTitle(t('discussions.title'));
  return (
    <Paper withBorder p={{ base: 'lg', sm: 40 }}>
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={56} radius="xl" variant="light" color="unesco">
          <IconMessages size={28} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz="h2">
          {t('discussions.home.title')}
        </Title>
        <Text fz="lg">{t('discussions.home.description')}</Text>
        <Text c="dimmed">{t('discussions.home.choose')}</Text>
      </Stack>
    </Paper>
  );
}
