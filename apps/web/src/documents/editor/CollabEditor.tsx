// The live rich-text editor: Tiptap on the session's Y.Doc, with others' carets and a toolbar.
import { Box } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentHighlights } from '../../comments/commentHighlights';
import type { CollabSession, LocalUser } from './collabSession';
import { EditorToolbar } from './EditorToolbar';
import { bodyExtensions, renderCaret } from './extensions';
import { BODY_FIELD } from './versionState';
import './editor.css';

interface CollabEditorProps {
  session: CollabSession;
  user: LocalUser;
  editable: boolean;
  /** The accessible name of the text area: the document's title. */
  label: string;
  /** Called with the editor once built (and null when it is destroyed), for the comments panel. */
  onEditor?: (editor: Editor | null) => void;
  /** Someone clicked text that a comment thread marks. */
  onCommentActivate?: (threadId: string) => void;
}

export function CollabEditor({
  session,
  user,
  editable,
  label,
  onEditor,
  onCommentActivate,
}: CollabEditorProps) {
  const { t } = useTranslation();
  // The extension is configured once per session: it calls whatever callback is current.
  const onCommentActivateRef = useRef(onCommentActivate);
  onCommentActivateRef.current = onCommentActivate;
  const editor = useEditor(
    {
      extensions: [
        ...bodyExtensions(editable ? t('documents.editor.placeholder') : undefined),
        Collaboration.configure({ document: session.doc, field: BODY_FIELD }),
        CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
        // After Collaboration: it reads y-tiptap's sync binding.
        CommentHighlights.configure({ onActivate: (id) => onCommentActivateRef.current?.(id) }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'uccn-prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'data-testid': 'document-body',
        },
      },
    },
    // A new session is a new Y.Doc: the editor must be built again on it.
    [session],
  );

  // A new session builds a new editor: hand each one up.
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <Box className="uccn-editor" data-editable={editable}>
      {editable && editor && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="uccn-editor__content" />
    </Box>
  );
}
