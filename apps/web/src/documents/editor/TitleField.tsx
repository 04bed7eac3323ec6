// The document's title: a heading for readers, an input that renames on Enter or blur for writers.
import { TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateDocument } from '../../api/endpoints';
import { queryKeys } from '../../api/queries';
import type { SharedDocument } from '../../api/types';
import { errorKey } from '../../i18n/errors';
import { TITLE_MAX } from '../NewDocumentModal';

const TITLE_STYLE = { fontSize: 30, fontWeight: 650, lineHeight: 1.25 } as const;

interface TitleFieldProps {
  document: SharedDocument;
  /** Shown as a heading even to writers (a proposal's body takes its proposal's title). */
  readOnly?: boolean;
}

export function TitleField({ document, readOnly = false }: TitleFieldProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(document.title);
  const [editing, setEditing] = useState(false);
  const cancelled = useRef(false);

  // Someone else's rename shows up unless this user is typing one.
  useEffect(() => {
    if (!editing) setDraft(document.title);
  }, [document.title, editing]);

  const rename = useMutation({
    mutationFn: (title: string) => updateDocument(document.id, { title }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.document(document.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
    onError: (error) => {
      setDraft(document.title);
      notifications.show({
        color: 'red',
        title: t('documents.renameFailed'),
        message: t(errorKey(error)),
      });
    },
  });

  if (document.access !== 'write' || readOnly) {
    return (
      <Title order={1} style={TITLE_STYLE}>
        {document.title}
      </Title>
    );
  }

  const commit = () => {
    setEditing(false);
    const title = draft.trim();
    if (cancelled.current || title === '' || title === document.title) {
      cancelled.current = false;
      setDraft(document.title);
    } else rename.mutate(title);
  };

  return (
    <>
      <VisuallyHidden>
        <h1>{document.title}</h1>
      </VisuallyHidden>
      <TextInput
        variant="unstyled"
        aria-label={t('documents.titleLabel')}
        value={draft}
        maxLength={TITLE_MAX}
        onFocus={() => setEditing(true)}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') {
            cancelled.current = true;
            event.currentTarget.blur();
          }
        }}
        styles={{
          input: {
            ...TITLE_STYLE,
            height: 'auto',
            padding: '2px 8px',
            marginLeft: -8,
            borderRadius: 'var(--mantine-radius-md)',
          },
        }}
        classNames={{ input: 'uccn-title-input' }}
      />
    </>
  );
}
