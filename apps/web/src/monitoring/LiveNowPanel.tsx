// "Live now", for the Secretariat: who is editing which documents and which channels are active,
// by city, from the presence store; it asks again by itself every few seconds.
import { Anchor, Badge, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../app/QueryError';
import { useChannels } from '../discussions/queries';
import { usePresence } from './queries';
import type { PersonLive } from './types';

/** "Ana (Bologna), Kenji (Kanazawa)": who is in one place. */
function peopleLine(people: PersonLive[]) {
  return people.map((p) => (p.city ? `${p.name} (${p.city})` : p.name)).join(', ');
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        {title}
      </Text>
      {children}
    </div>
  );
}

export function LiveNowPanel({ height }: { height: number }) {
  const { t } = useTranslation();
  const presence = usePresence(true);
  const channels = useChannels();
  const live = presence.data;
  const channelOf = (id: string) => channels.data?.find((channel) => channel.id === id);

  return (
    <Paper withBorder p="sm" data-testid="live-now">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} fz="h5">
          {t('monitoring.live.title', { count: live?.people ?? 0 })}
        </Title>
        {presence.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      {presence.isError ? (
        <QueryError error={presence.error} onRetry={() => void presence.refetch()} />
      ) : !live ? (
        <Loader size="sm" />
      ) : live.people === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('monitoring.live.nobody')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={height}>
          <Stack gap="sm">
            <Section title={t('monitoring.live.cities')}>
              <Group gap={6} data-testid="live-cities">
                {live.cities.map((city) =>
                  city.slug ? (
                    <Badge
                      key={city.slug}
                      component={Link}
                      to={`/cities/${city.slug}`}
                      variant="light"
                      style={{ cursor: 'pointer' }}
                    >
                      {city.name} · {city.people}
                    </Badge>
                  ) : (
                    <Badge key="secretariat" variant="outline" color="gray">
                      {t('monitoring.live.noCity')} · {city.people}
                    </Badge>
                  ),
                )}
              </Group>
            </Section>
            <Section title={t('monitoring.live.documents', { count: live.documents.length })}>
              {live.documents.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('monitoring.measures.none')}
                </Text>
              ) : (
                <Stack gap={6} data-testid="live-documents">
                  {live.documents.map((doc) => (
                    <div key={doc.id}>
                      <Anchor component={Link} to={`/documents/${doc.id}`} fz="sm" fw={500}>
                        {doc.title ?? t('monitoring.live.untitled')}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {peopleLine(doc.people)}
                      </Text>
                    </div>
                  ))}
                </Stack>
              )}
            </Section>
            <Section title={t('monitoring.live.channels', { count: live.threads.length })}>
              {live.threads.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('monitoring.measures.none')}
                </Text>
              ) : (
                <Stack gap={6} data-testid="live-channels">
                  {live.threads.map((thread) => {
                    const channel = channelOf(thread.id);
                    return (
                      <div key={thread.id}>
                        {channel ? (
                          <Anchor
                            component={Link}
                            to={`/discussions/${channel.slug}`}
                            fz="sm"
                            fw={500}
                          >
                            # {channel.name}
                          </Anchor>
                        ) : (
                          <Text fz="sm" fw={500}>
                            {t('monitoring.live.channel')}
                          </Text>
                        )}
                        <Text fz="xs" c="dimmed">
                          {peopleLine(thread.people)}
                        </Text>
                      </div>
                    );
                  })}
                </Stack>
              )}
            </Section>
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
