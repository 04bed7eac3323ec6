// A message's reactions: one button per emoji used (count; who, on hover), and a picker of the
// fixed set. Pressing toggles the user's own reaction.
import { ActionIcon, Button, Group, Popover, Tooltip } from '@mantine/core';
import { IconMoodPlus } from '@tabler/icons-react';
import { REACTIONS, type Reaction, type ReactionCount } from '@uccn/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ReactionBarProps {
  reactions: ReactionCount[];
  myUserId: string;
  nameOf: (userId: string) => string;
  onToggle: (emoji: Reaction) => void;
  disabled: boolean;
}

export function ReactionBar({ reactions, myUserId, nameOf, onToggle, disabled }: ReactionBarProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const used = reactions.filter((reaction) => reaction.userIds.length > 0);

  return (
    <Group gap={4} data-testid="reactions">
      {used.map((reaction) => {
        const mine = reaction.userIds.includes(myUserId);
        const who = reaction.userIds
          .map((id) => (id === myUserId ? t('discussions.reactions.you') : nameOf(id)))
          .join(', ');
        const label = t('discussions.reactions.who', { emoji: reaction.emoji, who });
        return (
          <Tooltip key={reaction.emoji} label={label} withArrow multiline maw={280}>
            <Button
              size="compact-xs"
              radius="xl"
              variant={mine ? 'light' : 'default'}
              aria-pressed={mine}
              aria-label={label}
              disabled={disabled}
              onClick={() => onToggle(reaction.emoji)}
            >
              <span aria-hidden>{reaction.emoji}</span>&nbsp;{reaction.userIds.length}
            </Button>
          </Tooltip>
        );
      })}
      {!disabled && (
        <Popover opened={picking} onChange={setPicking} position="top" withArrow shadow="md">
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              radius="xl"
              aria-label={t('discussions.reactions.add')}
              onClick={() => setPicking((open) => !open)}
            >
              <IconMoodPlus size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p={4}>
            <Group gap={2}>
              {REACTIONS.map((emoji) => (
                <ActionIcon
                  key={emoji}
                  variant="subtle"
                  size="lg"
                  aria-label={t('discussions.reactions.react', { emoji })}
                  onClick={() => {
                    setPicking(false);
                    onToggle(emoji);
                  }}
                >
                  <span style={{ fontSize: 18 }}>{emoji}</span>
                </ActionIcon>
              ))}
            </Group>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
