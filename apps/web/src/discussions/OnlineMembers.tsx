// Who is in the channel right now: avatars with name and city, from the socket's presence.
import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { OnlineMember } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { initials } from '../app/initials';
import { useOnlineMembers } from '../live/context';

/** Avatars shown before the rest are summed up as "+n". */
const SHOWN = 6;

export function describeMember(member: Pick<OnlineMember, 'name' | 'city'>): string {
  return member.city ? `${member.name} (${member.city.name})` : member.name;
}

export function OnlineMembers({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const online = useOnlineMembers(channelId);
  if (online.length === 0) return null;
  const rest = online.slice(SHOWN);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="online-members">
      <Text fz="sm" c="dimmed">
        {t('discussions.online', { count: online.length })}
      </Text>
      <Tooltip.Group openDelay={150} closeDelay={80}>
        <Avatar.Group
          spacing="xs"
          role="list"
          aria-label={t('discussions.online', { count: online.length })}
        >
          {online.slice(0, SHOWN).map((member) => (
            <Tooltip key={member.userId} label={describeMember(member)} withArrow>
              <Avatar
                role="listitem"
                aria-label={describeMember(member)}
                radius="xl"
                size={30}
                color="teal"
              >
                {initials(member.name)}
              </Avatar>
            </Tooltip>
          ))}
          {rest.length > 0 && (
            <Tooltip label={rest.map(describeMember).join(', ')} withArrow multiline w={240}>
              <Avatar
                role="listitem"
                radius="xl"
                size={30}
                aria-label={rest.map(describeMember).join(', ')}
              >
                +{rest.length}
              </Avatar>
            </Tooltip>
          )}
        </Avatar.Group>
      </Tooltip.Group>
    </Group>
  );
}
