// The reply box: multi-line, Enter sends and Shift+Enter starts a line, a counter near the
// limit, @-autocomplete of people and cities, and a typing signal while the user writes.
import { Box, Button, Group, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { MAX_MESSAGE_LENGTH } from '@uccn/protocol';
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionCandidate } from './endpoints';
import { MentionSuggestions, optionId, useMentionCandidates } from './MentionSuggestions';
import { activeMentionQuery, insertMention } from './mentionDraft';

/** The counter shows once this few characters are left. */
const COUNTER_FROM = 500;

// Drafts survive leaving the topic and coming back (not a reload).
const drafts = new Map<string, string>();

interface ComposerProps {
  draftKey: string;
  onSend: (body: string) => void;
  /** Called on each change: true while there is text, false once sent or cleared. */
  onTyping: (typing: boolean) => void;
}

export function Composer({ draftKey, onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => drafts.get(draftKey) ?? '');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const mention = activeMentionQuery(text, caret);
  const open = mention !== null && mention.start !== dismissedAt;
  const candidates = useMentionCandidates(open ? mention.query : null);
  const showList = open && candidates.length > 0;
  const remaining = MAX_MESSAGE_LENGTH - text.length;
  const tooLong = remaining < 0;

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const change = (value: string, at: number) => {
    setText(value);
    setCaret(at);
    setActive(0);
    drafts.set(draftKey, value);
    onTyping(value.trim() !== '');
  };

  const pick = (candidate: MentionCandidate) => {
    if (!mention) return;
    const next = insertMention(text, mention, caret, candidate.name);
    pendingCaret.current = next.caret;
    change(next.text, next.caret);
  };

  const send = () => {
    const body = text.trim();
    if (body === '' || tooLong) return;
    onSend(body);
    change('', 0);
    onTyping(false);
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (showList) {
      const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (move !== undefined) {
        event.preventDefault();
        setActive((index) => (index + move + candidates.length) % candidates.length);
        return;
      }
      const candidate = candidates[active];
      if ((event.key === 'Enter' || event.key === 'Tab') && candidate) {
        event.preventDefault();
        pick(candidate);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(mention?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  return (
    <Box pos="relative">
      {showList && (
        <MentionSuggestions id={listId} candidates={candidates} active={active} onPick={pick} />
      )}
      <Textarea
        ref={textarea}
        aria-label={t('discussions.composer.label')}
        placeholder={t('discussions.composer.placeholder')}
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        onChange={(event) => change(event.currentTarget.value, event.currentTarget.selectionStart)}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={keyDown}
        aria-controls={showList ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showList ? optionId(listId, active) : undefined}
        error={tooLong ? t('discussions.composer.tooLong', { count: -remaining }) : undefined}
        data-testid="composer"
      />
      <Group justify="space-between" mt={6} gap="sm">
        <Text fz="xs" c="dimmed">
          {t('discussions.composer.hint')}
        </Text>
        <Group gap="sm">
          {remaining <= COUNTER_FROM && !tooLong && (
            <Text fz="xs" c={remaining < 100 ? 'orange.8' : 'dimmed'} aria-live="polite">
              {t('discussions.composer.remaining', { count: remaining })}
            </Text>
          )}
          <Button
            size="xs"
            leftSection={<IconSend size={14} aria-hidden />}
            onClick={send}
            disabled={text.trim() === '' || tooLong}
          >
            {t('discussions.composer.send')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
