// A saved version, read-only: alone, beside the document as it is now, or as the difference.
import { Alert, Box, SimpleGrid, Stack, Text } from '@mantine/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { bodyExtensions } from './extensions';
import { useLiveCopy } from './useLiveCopy';
import { VersionDiff } from './VersionDiff';
import { BODY_FIELD, versionDoc } from './versionState';
import './editor.css';

export type VersionView = 'version' | 'sideBySide' | 'difference';

/** A body shown by a Tiptap editor that cannot be edited. */
function ReadOnlyBody({ doc, label, testId }: { doc: Y.Doc; label: string; testId: string }) {
  const editor = useEditor(
    {
      extensions: [
        ...bodyExtensions(),
        Collaboration.configure({ document: doc, field: BODY_FIELD }),
      ],
      editable: false,
      editorProps: {
        attributes: { class: 'uccn-prose', 'aria-label': label, 'data-testid': testId },
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

interface VersionPreviewProps {
  /** The version's state, base64, as the API sends it. */
  state: string;
  label: string;
  view: VersionView;
  /** The live document; the views against now need it. */
  liveDoc: Y.Doc | null;
}

export function VersionPreview({ state, label, view, liveDoc }: VersionPreviewProps) {
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
  // Followed only while a view against now is open.
  const now = useLiveCopy(view === 'version' ? null : liveDoc);

  if (!doc) return <Alert color="red">{t('documents.history.unreadable')}</Alert>;
  if (view === 'version' || !now)
    return <ReadOnlyBody doc={doc} label={label} testId="version-body" />;
  if (view === 'difference')
    return <VersionDiff version={doc} now={now.doc} revision={now.revision} />;
  return (
    <SimpleGrid cols={2} spacing="lg" className="uccn-side-by-side">
      <Stack gap={4}>
        <Text fz="xs" fw={600} tt="uppercase" c="dimmed">
          {label}
        </Text>
        <ReadOnlyBody doc={doc} label={label} testId="version-body" />
      </Stack>
      <Stack gap={4}>
        <Text fz="xs" fw={600} tt="uppercase" c="dimmed">
          {t('documents.history.now')}
        </Text>
        <ReadOnlyBody doc={now.doc} label={t('documents.history.now')} testId="current-body" />
      </Stack>
    </SimpleGrid>
  );
}
