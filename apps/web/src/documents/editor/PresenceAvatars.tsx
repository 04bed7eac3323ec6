// Who is in the document now: one avatar per person in their caret colour, name and city on hover.
import { Avatar, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { initials } from '../../app/initials';
import type { Participant } from './presence';

/** Avatars shown before the rest are summed up as "+n". */
const SHOWN = 5;

export function PresenceAvatars({ people, meId }: { people: Participant[]; meId: string }) {
  const { t } = useTranslation();
  const describe = (person: Participant) => {
    const who =
      person.id === meId ? t('documents.presence.you', { name: person.name }) : person.name;
    return person.city ? `${who} · ${person.city}` : who;
  };
  const rest = people.slice(SHOWN);

  return (
    <Tooltip.Group openDelay={150} closeDelay={80}>
      <Avatar.Group
        spacing="xs"
        role="list"
        aria-label={t('documents.presence.label', { count: people.length })}
        data-testid="presence"
      >
        {people.slice(0, SHOWN).map((person) => (
          <Tooltip key={person.id} label={describe(person)} withArrow>
            <Avatar
              role="listitem"
              aria-label={describe(person)}
              radius="xl"
              size={34}
              variant="filled"
              color={person.color}
              styles={{ root: { borderColor: 'var(--mantine-color-body)', borderWidth: 2 } }}
            >
              {initials(person.name)}
            </Avatar>
          </Tooltip>
        ))}
        {rest.length > 0 && (
          <Tooltip label={rest.map(describe).join(', ')} withArrow multiline w={240}>
            <Avatar
              role="listitem"
              radius="xl"
              size={34}
              aria-label={rest.map(describe).join(', ')}
            >
              +{rest.length}
            </Avatar>
          </Tooltip>
        )}
      </Avatar.Group>
    </Tooltip.Group>
  );
}
