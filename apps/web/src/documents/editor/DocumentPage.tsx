// /documents/:id (loaded on demand: Tiptap and Yjs are large): the document, or why it cannot open.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { useDocument, useMe } from '../../api/queries';
import { DocumentRefusal } from './DocumentRefusal';
import { DocumentWorkspace } from './DocumentWorkspace';
import { PageLoader } from './PageLoader';

export function DocumentPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const document = useDocument(id);
  const { refetch } = document;
  const refresh = useCallback(() => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['documents'] });
  }, [refetch, queryClient]);

  if (me.isPending) return <PageLoader />;
  if (!me.data) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  // A failed refetch (access revoked while open) wins over the data we had.
  if (document.isError) return <DocumentRefusal error={document.error} me={me.data} />;
  if (!document.data) return <PageLoader />;
  return <DocumentWorkspace key={id} document={document.data} me={me.data} onRefresh={refresh} />;
}
