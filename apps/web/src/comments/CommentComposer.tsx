// The text box of a new comment, a reply or an edit: a counter near the limit, Ctrl/⌘+Enter to
// send, and the server's refusal shown in words.
import { Button, Group, Text, Textarea } from '@mantine/core';
import { MAX_COMMENT_LENGTH } from '@uccn/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../i18n/errors';

interface CommentComposerProps {
  initial?: string;
  placeholder: string;
  submitLabel: string;
  /** Resolves once stored; a rejection keeps the text and shows why. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId?: string;
}

export function CommentComposer({
  initial = '',
  placeholder,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
  testId,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tooLong = body.length > MAX_COMMENT_LENGTH;
  const canSend = body.trim() !== '' && !tooLong && !busy;

  const submit = async () => {
    if (!canSend) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
      setBody('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Textarea
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit();
          if (event.key === 'Escape' && onCancel) onCancel();
        }}
        placeholder={placeholder}
        aria-label={placeholder}
        autosize
        minRows={2}
        maxRows={8}
        size="sm"
        autoFocus={autoFocus}
        error={tooLong ? t('comments.tooLong', { max: MAX_COMMENT_LENGTH }) : undefined}
      />
      {error !== null && (
        <Text fz="xs" c="red" mt={4} role="alert">
          {t(errorKey(error))}
        </Text>
      )}
      <Group justify="flex-end" gap="xs" mt={6}>
        {body.length > MAX_COMMENT_LENGTH * 0.9 && (
          <Text fz="xs" c={tooLong ? 'red' : 'dimmed'} mr="auto">
            {body.length} / {MAX_COMMENT_LENGTH}
          </Text>
        )}
        {onCancel && (
          <Button size="xs" variant="subtle" color="gray" onClick={onCancel}>
            {t('comments.cancel')}
          </Button>
        )}
        <Button size="xs" type="submit" disabled={!canSend} loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
