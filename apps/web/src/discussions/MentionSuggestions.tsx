// The @-autocomplete list under the composer: people and cities whose name starts with what is
// typed after the `@`, fetched from the server as the user types.
import { Avatar, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { initials } from '../app/initials';
import { getMentionables, type MentionCandidate } from './endpoints';

/** The candidates for what follows the `@` (null: no mention being typed). */
export function useMentionCandidates(query: string | null): MentionCandidate[] {
  const [debounced] = useDebouncedValue(query, 150);
  const candidates = useQuery({
    queryKey: ['mentionables', debounced],
    queryFn: ({ signal }) => getMentionables(debounced ?? '', signal),
    enabled: debounced !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return query === null ? [] : (candidates.data ?? []).slice(0, 8);
}

interface MentionSuggestionsProps {
  id: string;
  candidates: MentionCandidate[];
  active: number;
  onPick: (candidate: MentionCandidate) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

export function MentionSuggestions({ id, candidates, active, onPick }: MentionSuggestionsProps) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="md"
      p={4}
      id={id}
      role="listbox"
      aria-label={t('discussions.composer.mentionList')}
      style={{
        position: 'absolute',
        bottom: '100%',
        left: 0,
        zIndex: 20,
        minWidth: 280,
        marginBottom: 4,
      }}
    >
      {candidates.map((candidate, index) => (
        <UnstyledButton
          key={`${candidate.type}:${candidate.id}`}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          // Keeps the focus (and the caret) in the textarea.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(candidate)}
          px="sm"
          py={6}
          w="100%"
          style={{
            borderRadius: 'var(--mantine-radius-sm)',
            background: index === active ? 'var(--mantine-color-unesco-light)' : undefined,
          }}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar size={26} radius="xl" color={candidate.type === 'city' ? 'teal' : 'unesco'}>
              {candidate.type === 'city' ? (
                <IconBuildingCommunity size={14} />
              ) : (
                initials(candidate.name)
              )}
            </Avatar>
            <div>
              <Text fz="sm" fw={600} lh={1.2}>
                {candidate.name}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.2}>
                {candidate.type === 'city'
                  ? t('discussions.composer.mentionCity')
                  : (candidate.city?.name ?? t('account.secretariat'))}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      ))}
    </Paper>
  );
}
