// Who this user is in a live document: name, city and caret colour, for awareness and carets.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import type { LocalUser } from './collabSession';
import { caretColour, type Participant } from './presence';

/** The signed-in user as a participant, and the part of it published to the others. */
export function useParticipant(me: Me): { participant: Participant; localUser: LocalUser } {
  const { t } = useTranslation();
  const { user, city } = me;
  const secretariat = t('account.secretariat');
  const participant = useMemo<Participant>(
    () => ({
      id: user.id,
      name: user.name,
      city: city?.name ?? secretariat,
      citySlug: city?.slug ?? null,
      color: caretColour(user.id),
    }),
    [user.id, user.name, city, secretariat],
  );
  const localUser = useMemo(
    () => ({ id: participant.id, name: participant.name, color: participant.color }),
    [participant],
  );
  return { participant, localUser };
}
