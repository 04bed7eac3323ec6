// The channels one can read, by kind (fields, announcements, documents), with unread badges.
import { Badge, Box, ColorSwatch, NavLink, Stack, Text } from '@mantine/core';
import { IconFileText, IconSpeakerphone } from '@tabler/icons-react';
import type { ChannelKind, ChannelSummary } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldCssColor } from '../fields/colors';
import { channelPath, useChannelName } from './channelName';

const SECTIONS: ChannelKind[] = ['announcements', 'field', 'document'];

function ChannelIcon({ channel }: { channel: ChannelSummary }) {
  if (channel.kind === 'field' && channel.field) {
    return <ColorSwatch size={12} color={fieldCssColor(channel.field.slug)} withShadow={false} />;
  }
  const Icon = channel.kind === 'announcements' ? IconSpeakerphone : IconFileText;
  return <Icon size={16} aria-hidden />;
}

export function ChannelList({
  channels,
  activeSlug,
}: {
  channels: ChannelSummary[];
  activeSlug?: string;
}) {
  const { t } = useTranslation();
  const channelName = useChannelName();

  return (
    <Stack gap="md" component="nav" aria-label={t('discussions.channels.label')}>
      {SECTIONS.map((kind) => {
        const inSection = channels
          .filter((channel) => channel.kind === kind)
          .sort((a, b) => channelName(a).localeCompare(channelName(b)));
        if (inSection.length === 0) return null;
        return (
          <Box key={kind}>
            <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={4} px="sm">
              {t(`discussions.channels.sections.${kind}`)}
            </Text>
            {inSection.map((channel) => {
              const name = channelName(channel);
              return (
                <NavLink
                  key={channel.id}
                  component={Link}
                  to={channelPath(channel)}
                  active={channel.slug === activeSlug}
                  label={name}
                  leftSection={<ChannelIcon channel={channel} />}
                  aria-label={
                    channel.unread > 0
                      ? t('discussions.channels.withUnread', { name, count: channel.unread })
                      : name
                  }
                  data-testid="channel-link"
                  rightSection={
                    channel.unread > 0 ? (
                      <Badge size="sm" circle={channel.unread < 10} variant="filled" aria-hidden>
                        {channel.unread > 99 ? '99+' : channel.unread}
                      </Badge>
                    ) : null
                  }
                  styles={{ label: { fontWeight: channel.unread > 0 ? 700 : 500 } }}
                />
              );
            })}
          </Box>
        );
      })}
    </Stack>
  );
}
