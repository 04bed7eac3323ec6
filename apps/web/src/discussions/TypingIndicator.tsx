// "Ana (Bologna) is typing…" under the message list, for the others who write in the topic.
import { Text } from '@mantine/core';
import type { OnlineMember } from '@uccn/protocol';
import { useTranslation } from 'react-i18next';
import { describeMember } from './OnlineMembers';

export function TypingIndicator({ typists }: { typists: OnlineMember[] }) {
  const { t } = useTranslation();
  const [first, second] = typists;
  let text = '';
  if (typists.length > 2) text = t('discussions.typing.many');
  else if (first && second) {
    text = t('discussions.typing.two', {
      first: describeMember(first),
      second: describeMember(second),
    });
  } else if (first) text = t('discussions.typing.one', { name: describeMember(first) });
  return (
    // Always rendered, so that the line does not jump; read out politely when it changes.
    <Text fz="xs" c="dimmed" fs="italic" mih={18} aria-live="polite" data-testid="typing">
      {text}
    </Text>
  );
}
