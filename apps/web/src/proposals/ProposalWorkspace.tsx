// The proposal page: header, notices, the live document beside the next steps, partners,
// details and status history, or beside its comments.
import { Alert, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryKeys, useDocument } from '../api/queries';
import type { Me, SharedDocument } from '../api/types';
import { usePageTitle } from '../app/usePageTitle';
import { CommentsPanel } from '../comments/CommentsPanel';
import { CollabEditor } from '../documents/editor/CollabEditor';
import { ProblemNotice } from '../documents/editor/DocumentNotices';
import { HistoryDrawer } from '../documents/editor/HistoryDrawer';
import { PageLoader } from '../documents/editor/PageLoader';
import { PresenceAvatars } from '../documents/editor/PresenceAvatars';
import { SaveIndicator } from '../documents/editor/SaveIndicator';
import { useCollabSession } from '../documents/editor/useCollabSession';
import { useParticipant } from '../documents/editor/useParticipant';
import { DetailsPanel } from './DetailsPanel';
import { EditDetailsModal } from './EditDetailsModal';
import { PartnersPanel } from './PartnersPanel';
import { ProposalHeader } from './ProposalHeader';
import { DecisionNote, ReadOnlyNotice } from './ProposalNotices';
import { ProposalSide, type SideComments, type SideTab } from './ProposalSide';
import { proposalKeys } from './queries';
import { StatusHistory } from './StatusHistory';
import type { Proposal } from './types';
import { useProposalFollow } from './useProposalFollow';
import { WorkflowPanel } from './WorkflowPanel';

interface WorkspaceProps {
  proposal: Proposal;
  me: Me;
}

export function ProposalWorkspace({ proposal, me }: WorkspaceProps) {
  const { t } = useTranslation();
  usePageTitle(proposal.title);
  useProposalFollow(proposal.id);
  const document = useDocument(proposal.documentId);
  const { refetch } = document;

  // A move or a partner's answer (ours or someone else's) changes who may write: read the
  // document's access again whenever they change.
  const accessKey = `${proposal.status}|${proposal.partners.map((p) => p.status).join(',')}`;
  const seenKey = useRef(accessKey);
  useEffect(() => {
    if (seenKey.current === accessKey) return;
    seenKey.current = accessKey;
    void refetch();
  }, [accessKey, refetch]);

  if (document.data) return <LiveProposal proposal={proposal} me={me} document={document.data} />;
  return (
    <ProposalLayout
      proposal={proposal}
      me={me}
      live={null}
      onHistory={null}
      comments={null}
      editor={
        document.isError ? (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            {t('proposals.textPrivate')}
          </Alert>
        ) : (
          <PageLoader />
        )
      }
    />
  );
}

function LiveProposal({ proposal, me, document }: WorkspaceProps & { document: SharedDocument }) {
  const queryClient = useQueryClient();
  const { participant, localUser } = useParticipant(me);
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.document(proposal.documentId) });
    void queryClient.invalidateQueries({ queryKey: proposalKeys.one(proposal.id) });
    void queryClient.invalidateQueries({ queryKey: proposalKeys.history(proposal.id) });
  }, [queryClient, proposal.documentId, proposal.id]);
  const collab = useCollabSession(proposal.documentId, participant, refresh);
  const [historyOpen, history] = useDisclosure(false);
  const canWrite = document.access === 'write';
  // Past the size limit the user may go on typing: edits stay on this device.
  const editable = canWrite && (collab.problem === null || collab.problem === 'tooLarge');
  const [editor, setEditor] = useState<Editor | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('overview');
  const activateThread = useCallback((threadId: string) => {
    setActiveThreadId(threadId);
    setSideTab('comments');
  }, []);

  return (
    <ProposalLayout
      proposal={proposal}
      me={me}
      onHistory={history.open}
      comments={{
        documentId: proposal.documentId,
        tab: sideTab,
        onTab: setSideTab,
        // Whoever may read the text may comment on it, whatever its status.
        panel: (
          <CommentsPanel
            documentId={proposal.documentId}
            editor={editor}
            activeThreadId={activeThreadId}
            onActiveThreadChange={setActiveThreadId}
          />
        ),
      }}
      live={
        <Group gap="md" wrap="nowrap">
          <PresenceAvatars people={collab.participants} meId={me.user.id} />
          <SaveIndicator state={collab.saveState} readOnly={!canWrite} />
        </Group>
      }
      editor={
        <Stack gap="md">
          {!canWrite && <ReadOnlyNotice proposal={proposal} me={me} />}
          {collab.problem && <ProblemNotice problem={collab.problem} onRetry={collab.retry} />}
          {collab.session ? (
            <CollabEditor
              session={collab.session}
              user={localUser}
              editable={editable}
              label={proposal.title}
              onEditor={setEditor}
              onCommentActivate={activateThread}
            />
          ) : (
            <PageLoader />
          )}
          <HistoryDrawer
            document={document}
            liveDoc={collab.session?.doc ?? null}
            opened={historyOpen}
            onClose={history.close}
          />
        </Stack>
      }
    />
  );
}

interface LayoutProps extends WorkspaceProps {
  live: ReactNode;
  editor: ReactNode;
  onHistory: (() => void) | null;
  comments: SideComments | null;
}

function ProposalLayout({ proposal, me, live, editor, onHistory, comments }: LayoutProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);

  const changed = (updated: Proposal | null) => {
    void queryClient.invalidateQueries({ queryKey: ['proposals', 'list'] });
    void queryClient.invalidateQueries({ queryKey: proposalKeys.history(proposal.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.document(proposal.documentId) });
    if (updated) {
      queryClient.setQueryData(proposalKeys.one(proposal.id), updated);
      return;
    }
    // Declined or left: the proposal is no longer the user's city's to see.
    queryClient.removeQueries({ queryKey: proposalKeys.one(proposal.id) });
    notifications.show({ color: 'teal', message: t('proposals.partners.outOfSight') });
    void navigate('/proposals');
  };

  return (
    <Stack gap="lg">
      <ProposalHeader proposal={proposal} live={live} onHistory={onHistory} />
      {proposal.decisionNote && (
        <DecisionNote note={proposal.decisionNote} status={proposal.status} />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {proposal.summary && (
              <Text fz="lg" c="dark.6" style={{ whiteSpace: 'pre-wrap' }}>
                {proposal.summary}
              </Text>
            )}
            {editor}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ProposalSide
            comments={comments}
            overview={
              <Stack gap="md">
                <WorkflowPanel proposal={proposal} onMoved={changed} />
                <PartnersPanel proposal={proposal} me={me} onChanged={changed} />
                <DetailsPanel proposal={proposal} onEdit={() => setEditing(true)} />
                <StatusHistory proposal={proposal} />
              </Stack>
            }
          />
        </Grid.Col>
      </Grid>
      {proposal.actions.editDetails && (
        <EditDetailsModal proposal={proposal} opened={editing} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
}
