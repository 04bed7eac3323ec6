// A channel's page: its name, who is online, "New topic", and its topics, most active first.
import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconMessage, IconPlus } from '@tabler/icons-react';
import type { TopicSummary } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/queries';
import { QueryError } from '../app/QueryError';
import { usePageTitle } from '../app/usePageTitle';
import { canModerate } from '../auth/permissions';
import { dateTime, timeAgo } from '../documents/format';
import { toLanguage } from '../i18n';
import { useCurrentChannel } from './ChannelView';
import { topicPath, useChannelName } from './channelName';
import { NewTopicModal } from './NewTopicModal';
import { OnlineMembers } from './OnlineMembers';
import { PostingNotice, postingBlock } from './PostingNotice';
import { useTopics } from './queries';

function TopicRow({ topic, channelSlug }: { topic: TopicSummary; channelSlug: string }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const author = topic.author
    ? topic.author.city
      ? `${topic.author.name} · ${topic.author.city.name}`
      : topic.author.name
    : t('discussions.message.formerMember');
  return (
    <UnstyledButton
      component={Link}
      to={topicPath(channelSlug, topic.id)}
      data-testid="topic-row"
      px="md"
      py="sm"
      style={{ display: 'block', borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {topic.locked && (
              <IconLock
                size={16}
                aria-label={t('discussions.topic.locked')}
                color="var(--mantine-color-gray-6)"
              />
            )}
            <Text fw={topic.unread > 0 ? 700 : 550} truncate>
              {topic.title}
            </Text>
          </Group>
          <Text fz="sm" c="dimmed" truncate>
            {author}
          </Text>
        </Stack>
        <Group gap="md" wrap="nowrap">
          {topic.unread > 0 && (
            <Badge
              variant="filled"
              size="sm"
              aria-label={t('discussions.topic.unread', { count: topic.unread })}
            >
              {topic.unread}
            </Badge>
          )}
          <Group
            gap={4}
            wrap="nowrap"
            aria-label={t('discussions.topic.replies', { count: topic.replyCount })}
          >
            <IconMessage size={16} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text fz="sm" c="dimmed" aria-hidden>
              {topic.replyCount}
            </Text>
          </Group>
          <Text fz="sm" c="dimmed" w={110} ta="right" title={dateTime(topic.lastMessageAt, lang)}>
            {timeAgo(topic.lastMessageAt, new Date(), lang)}
          </Text>
        </Group>
      </Group>
    </UnstyledButton>
  );
}

export function TopicList() {
  const { t } = useTranslation();
  const channel = useCurrentChannel();
  const channelName = useChannelName();
  const name = channelName(channel);
  usePageTitle(name);
  const me = useMe().data;
  const topics = useTopics(channel.id);
  const [creating, creation] = useDisclosure(false);
  const block = postingBlock(channel, false, canModerate(me));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1}>{name}</Title>
          <Text c="dimmed" mt={4}>
            {t(`discussions.channels.about.${channel.kind}`)}
          </Text>
        </div>
        <Group gap="md">
          <OnlineMembers channelId={channel.id} />
          {!block && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={creation.open}>
              {t('discussions.newTopic.open')}
            </Button>
          )}
        </Group>
      </Group>
      {block && <PostingNotice block={block} channel={channel} />}

      {topics.isError ? (
        <QueryError error={topics.error} onRetry={() => void topics.refetch()} />
      ) : topics.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : topics.topics.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('discussions.topicList.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <nav aria-label={t('discussions.topicList.label', { channel: name })}>
            {topics.topics.map((topic) => (
              <TopicRow key={topic.id} topic={topic} channelSlug={channel.slug} />
            ))}
          </nav>
        </Paper>
      )}
      {topics.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={topics.isFetchingNextPage}
          onClick={() => void topics.fetchNextPage()}
        >
          {t('discussions.topicList.more')}
        </Button>
      )}
      <NewTopicModal opened={creating} onClose={creation.close} channel={channel} />
    </Stack>
  );
}
