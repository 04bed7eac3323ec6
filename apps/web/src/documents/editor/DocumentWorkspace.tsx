// The editor page of an open document: header, notices, the live editor beside its comments,
// sharing and history.
import { Box, Drawer, em, Group, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, SharedDocument } from '../../api/types';
import { usePageTitle } from '../../app/usePageTitle';
import { CommentsPanel } from '../../comments/CommentsPanel';
import { CollabEditor } from './CollabEditor';
import { DocumentHeader } from './DocumentHeader';
import { ProblemNotice, ReadOnlyNotice } from './DocumentNotices';
import { HistoryDrawer } from './HistoryDrawer';
import { PageLoader } from './PageLoader';
import { ShareDrawer } from './ShareDrawer';
import { useCollabSession } from './useCollabSession';
import { useParticipant } from './useParticipant';

interface DocumentWorkspaceProps {
  document: SharedDocument;
  me: Me;
  /** Reads the document's metadata again (after a change of access, a rename, a restore). */
  onRefresh: () => void;
}

/** Mantine's `md` breakpoint: narrower, the comments move into a drawer. */
const WIDE = `(min-width: ${em(992)})`;

export function DocumentWorkspace({ document, me, onRefresh }: DocumentWorkspaceProps) {
  const { t } = useTranslation();
  usePageTitle(document.title);
  const { participant, localUser } = useParticipant(me);
  const collab = useCollabSession(document.id, participant, onRefresh);
  const [panel, setPanel] = useState<'share' | 'history' | 'comments' | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const wide = useMediaQuery(WIDE, true);
  const canWrite = document.access === 'write';
  // Past the size limit the user may go on typing: edits stay on this device.
  const editable = canWrite && (collab.problem === null || collab.problem === 'tooLarge');
  // Anyone who may open the document may comment: read-only cities and the Secretariat too.
  const comments = (
    <CommentsPanel
      documentId={document.id}
      editor={editor}
      activeThreadId={activeThreadId}
      onActiveThreadChange={setActiveThreadId}
    />
  );

  return (
    <Stack gap="lg">
      <DocumentHeader
        document={document}
        people={collab.participants}
        meId={me.user.id}
        saveState={collab.saveState}
        onShare={() => setPanel('share')}
        onHistory={() => setPanel('history')}
        onComments={wide ? null : () => setPanel('comments')}
      />
      {!canWrite && <ReadOnlyNotice document={document} me={me} />}
      {collab.problem && <ProblemNotice problem={collab.problem} onRetry={collab.retry} />}
      {collab.session ? (
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>
            <CollabEditor
              session={collab.session}
              user={localUser}
              editable={editable}
              label={document.title}
              onEditor={setEditor}
              onCommentActivate={(threadId) => {
                setActiveThreadId(threadId);
                if (!wide) setPanel('comments');
              }}
            />
          </Box>
          {wide && (
            <Box w={340} style={{ flexShrink: 0, position: 'sticky', top: 16 }}>
              {comments}
            </Box>
          )}
        </Group>
      ) : (
        <PageLoader />
      )}
      {!wide && (
        <Drawer
          opened={panel === 'comments'}
          onClose={() => setPanel(null)}
          position="right"
          // The panel names itself: a drawer title would say "Comments" twice.
          closeButtonProps={{ 'aria-label': t('documents.close') }}
          withOverlay={false}
          lockScroll={false}
          trapFocus={false}
        >
          {comments}
        </Drawer>
      )}
      {document.canManage && document.kind !== 'proposal' && (
        <ShareDrawer
          document={document}
          opened={panel === 'share'}
          onClose={() => setPanel(null)}
          onChanged={onRefresh}
        />
      )}
      <HistoryDrawer
        document={document}
        liveDoc={collab.session?.doc ?? null}
        opened={panel === 'history'}
        onClose={() => setPanel(null)}
      />
    </Stack>
  );
}
