// A saved version, read-only: its state in a Y.Doc of its own, shown by a Tiptap editor.
import { Alert, Box } from '@mantine/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { bodyExtensions } from './extensions';
import { BODY_FIELD, versionDoc } from './versionState';
import './editor.css';

function VersionBody({ doc, label }: { doc: Y.Doc; label: string }) {
  const editor = useEditor(
    {
      extensions: [
        ...bodyExtensions(),
        Collaboration.configure({ document: doc, field: BODY_FIELD }),
      ],
      editable: false,
      editorProps: {
        attributes: { class: 'uccn-prose', 'aria-label': label, 'data-testid': 'version-body' },
      },
    },
    [doc],
  );
  return (
    <Box className="uccn-editor uccn-editor--preview">
      <EditorContent editor={editor} className="uccn-editor__content" />
    </Box>
  );
}

export function VersionPreview({ state, label }: { state: string; label: string }) {
  const { t } = useTranslation();
  const doc = useMemo(() => {
    try {
      return versionDoc(state);
    } catch {
      // A state that does not decode is shown as a message, not as an empty document.
      return null;
    }
  }, [state]);
  useEffect(() => () => doc?.destroy(), [doc]);

  if (!doc) return <Alert color="red">{t('documents.history.unreadable')}</Alert>;
  return <VersionBody doc={doc} label={label} />;
}
