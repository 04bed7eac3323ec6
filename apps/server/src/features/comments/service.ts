// Comment threads on a document: start one on a range, reply, resolve and reopen, edit and delete
// one's own comment. Anyone who may read the document may comment (the Secretariat, read-only
// cities); every change is logged and then pushed, as the whole thread, to the document's watchers.
import { type Database, schema } from '@uccn/db';
import { type CommentAnchor, type CommentThread, MAX_COMMENT_LENGTH } from '@uccn/protocol';
import { eq } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { DocumentService } from '../documents/service';
import { type CommentRow, readCommentRow, readDocumentThreads, readThread } from './views';

const { documentComments } = schema;

/** Where a changed thread goes once committed: the sockets watching its document, on every node. */
export interface CommentBroadcast {
  changed(thread: CommentThread): void;
}

export interface NewThread {
  anchor: CommentAnchor;
  quote: string;
  body: string;
}

type CommentAction = 'created' | 'replied' | 'resolved' | 'reopened' | 'edited' | 'deleted';

function checkBody(body: string) {
  if (body.trim().length === 0) throw new AppError('validation_failed', 'Write something first.');
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new AppError(
      'message_too_long',
      `A comment holds at most ${MAX_COMMENT_LENGTH} characters; this one has ${body.length}.`,
      { max: MAX_COMMENT_LENGTH },
    );
  }
}

function assertOwn(user: SessionUser, row: CommentRow) {
  if (row.authorId !== user.id) {
    throw new AppError('forbidden', 'Only its author may change or delete a comment.');
  }
}

export class CommentService {
  /** Set once the socket.io server exists; changes are stored either way. */
  broadcast: CommentBroadcast | undefined;

  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
  ) {}

  /** Throws unless the user may read (and so comment on) the document. */
  async authorize(user: SessionUser, documentId: string): Promise<void> {
    await this.documents.authorize(user, documentId, 'read');
  }

  /** The document's threads, resolved ones included, oldest first. */
  async list(user: SessionUser, documentId: string): Promise<CommentThread[]> {
    await this.authorize(user, documentId);
    return readDocumentThreads(this.db, documentId);
  }

  async create(user: SessionUser, documentId: string, input: NewThread): Promise<CommentThread> {
    checkBody(input.body);
    await this.authorize(user, documentId);
    const id = await this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(documentComments)
        .values({
          documentId,
          authorId: user.id,
          body: input.body,
          // The protocol's JSON type is narrower than what the column stores: the same data.
          anchor: input.anchor as schema.StoredCommentAnchor,
          quote: input.quote,
        })
        .returning({ id: documentComments.id });
      if (!created) throw new Error('insert returned nothing');
      await this.log(tx, user, 'created', documentId, created.id);
      return created.id;
    });
    return this.changed(id);
  }

  /** Replies to the thread `commentId` belongs to (its first comment or any reply). */
  async reply(user: SessionUser, commentId: string, body: string) {
    checkBody(body);
    const root = await this.threadRoot(user, commentId);
    const replyId = await this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(documentComments)
        .values({ documentId: root.documentId, parentId: root.id, authorId: user.id, body })
        .returning({ id: documentComments.id });
      if (!created) throw new Error('insert returned nothing');
      await this.log(tx, user, 'replied', root.documentId, created.id);
      return created.id;
    });
    const thread = await this.changed(root.id);
    const reply = thread.replies.find((entry) => entry.id === replyId);
    if (!reply) throw new Error('the new reply is not in its thread');
    return { thread, reply };
  }

  /** Resolves or reopens the whole thread; asking for the state it is in changes nothing. */
  async setResolved(user: SessionUser, commentId: string, resolved: boolean) {
    const root = await this.threadRoot(user, commentId);
    if ((root.resolvedAt !== null) === resolved) return readThread(this.db, root.id);
    await this.db.transaction(async (tx) => {
      await tx
        .update(documentComments)
        .set(
          resolved
            ? { resolvedAt: new Date(), resolvedById: user.id }
            : { resolvedAt: null, resolvedById: null },
        )
        .where(eq(documentComments.id, root.id));
      await this.log(tx, user, resolved ? 'resolved' : 'reopened', root.documentId, root.id);
    });
    return this.changed(root.id);
  }

  async edit(user: SessionUser, commentId: string, body: string): Promise<CommentThread> {
    checkBody(body);
    const row = await this.ownComment(user, commentId);
    await this.db.transaction(async (tx) => {
      await tx
        .update(documentComments)
        .set({ body, editedAt: new Date() })
        .where(eq(documentComments.id, row.id));
      await this.log(tx, user, 'edited', row.documentId, row.id);
    });
    return this.changed(row.parentId ?? row.id);
  }

  /** Deletes the text; the row stays so that a thread keeps its replies. */
  async remove(user: SessionUser, commentId: string): Promise<CommentThread> {
    const row = await this.ownComment(user, commentId);
    await this.db.transaction(async (tx) => {
      await tx
        .update(documentComments)
        .set({ body: '', deletedAt: new Date() })
        .where(eq(documentComments.id, row.id));
      await this.log(tx, user, 'deleted', row.documentId, row.id);
    });
    return this.changed(row.parentId ?? row.id);
  }

  /** The first comment of the thread `commentId` is in, checked for reading its document. */
  private async threadRoot(user: SessionUser, commentId: string): Promise<CommentRow> {
    const row = await readCommentRow(this.db, commentId);
    await this.authorize(user, row.documentId);
    return row.parentId ? readCommentRow(this.db, row.parentId) : row;
  }

  /** The user's own comment, not deleted, on a document they may still read. */
  private async ownComment(user: SessionUser, commentId: string): Promise<CommentRow> {
    const row = await readCommentRow(this.db, commentId);
    await this.authorize(user, row.documentId);
    if (row.deletedAt) throw new AppError('comment_not_found', 'This comment was deleted.');
    assertOwn(user, row);
    return row;
  }

  private async changed(threadId: string): Promise<CommentThread> {
    const thread = await readThread(this.db, threadId);
    this.broadcast?.changed(thread);
    return thread;
  }

  private log(
    tx: Pick<Database, 'insert'>,
    user: SessionUser,
    action: CommentAction,
    documentId: string,
    commentId: string,
  ) {
    return recordActivity(tx, {
      actorId: user.id,
      action: `comment.${action}`,
      subjectType: 'document',
      subjectId: documentId,
      cityId: user.cityId,
      details: { commentId },
    });
  }
}
