// The editor page of an open document: header, notices, the live editor, sharing and history.
import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { Me, SharedDocument } from '../../api/types';
import { usePageTitle } from '../../app/usePageTitle';
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

export function DocumentWorkspace({ document, me, onRefresh }: DocumentWorkspaceProps) {
  usePageTitle(document.title);
  const { participant, localUser } = useParticipant(me);
  const collab = useCollabSession(document.id, participant, onRefresh);
  const [panel, setPanel] = useState<'share' | 'history' | null>(null);
  const canWrite = document.access === 'write';
  // Past the size limit the user may go on typing: edits stay on this device.
  const editable = canWrite && (collab.problem === null || collab.problem === 'tooLarge');

  return (
    <Stack gap="lg">
      <DocumentHeader
        document={document}
        people={collab.participants}
        meId={me.user.id}
        saveState={collab.saveState}
        onShare={() => setPanel('share')}
        onHistory={() => setPanel('history')}
      />
      {!canWrite && <ReadOnlyNotice document={document} me={me} />}
      {collab.problem && <ProblemNotice problem={collab.problem} onRetry={collab.retry} />}
      {collab.session ? (
        <CollabEditor
          session={collab.session}
          user={localUser}
          editable={editable}
          label={document.title}
        />
      ) : (
        <PageLoader />
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
        opened={panel === 'history'}
        onClose={() => setPanel(null)}
      />
    </Stack>
  );
}
