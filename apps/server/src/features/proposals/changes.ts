// What every change to a proposal shares: one transaction on the locked proposal row, the
// document's access kept in step, the activity log, and notifications to the cities involved.
import { type Database, schema } from '@uccn/db';
import type { NotificationKind } from '@uccn/protocol';
import { and, eq, inArray, or } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { DocumentService } from '../documents/service';
import type { NotificationService } from '../notifications/service';
import { canSee, documentAccessPlan, type ProposalFacts } from './workflow';

const { proposals, proposalPartners, users } = schema;

export type ProposalRow = typeof proposals.$inferSelect;
/** A transaction, as drizzle hands it to `db.transaction`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface CurrentProposal {
  row: ProposalRow;
  facts: ProposalFacts;
}

/** Loads a proposal and its partners (locking the row when inside a change). */
export async function loadProposal(
  db: Pick<Database, 'select'>,
  id: string,
  lock = false,
): Promise<CurrentProposal | null> {
  const query = db.select().from(proposals).where(eq(proposals.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const partners = await db
    .select({ cityId: proposalPartners.cityId, status: proposalPartners.status })
    .from(proposalPartners)
    .where(eq(proposalPartners.proposalId, id));
  return { row, facts: { status: row.status, leadCityId: row.leadCityId, partners } };
}

export interface CityNotice {
  kind: NotificationKind;
  proposalId: string;
  title: string;
  body: string;
  /** Unique per event, so that each event notifies once. */
  event: string;
  actorId: string;
  cityIds: number[];
  /** Also tell the Secretariat (a submission waits for it). */
  secretariat?: boolean;
}

export class ProposalChanges {
  constructor(
    readonly db: Database,
    private readonly documents: DocumentService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * Runs `change` in one transaction on the locked, current proposal. A proposal the user may not
   * see is `proposal_not_found`, so its existence does not leak. Rules are checked inside
   * `change`, against the locked row: a refused request writes nothing.
   */
  async run<T>(
    user: SessionUser,
    id: string,
    change: (tx: Tx, current: CurrentProposal) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const current = await loadProposal(tx, id, true);
      if (!current || !canSee(user, current.facts)) throw notFound();
      return change(tx, current);
    });
  }

  /** Writes the document's owner, lock and access list for the proposal as it now is. */
  async syncDocument(tx: Tx, proposalId: string, title?: string) {
    const current = await loadProposal(tx, proposalId);
    if (!current) throw notFound();
    await this.documents.applyManagedState(tx, current.row.documentId, {
      ...documentAccessPlan(current.facts),
      ...(title === undefined ? {} : { title }),
    });
    return current;
  }

  /** After the commit: open editors re-check their access (and downgrade or close). */
  accessChanged(documentId: string) {
    this.documents.accessChanged(documentId);
  }

  record(
    tx: Tx,
    user: SessionUser,
    proposal: ProposalRow,
    action: string,
    details: Record<string, unknown>,
  ) {
    return recordActivity(tx, {
      actorId: user.id,
      action,
      subjectType: 'proposal',
      subjectId: proposal.id,
      cityId: proposal.leadCityId,
      details,
    });
  }

  /** Notifies every active person of the given cities (and the Secretariat), but not the actor. */
  async notify(notice: CityNotice) {
    const audience = [
      notice.cityIds.length > 0 ? inArray(users.cityId, notice.cityIds) : undefined,
      notice.secretariat ? eq(users.role, 'secretariat') : undefined,
    ].filter((condition) => condition !== undefined);
    if (audience.length === 0) return;
    const people = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.disabled, false), or(...audience)));
    await this.notifications.notify(
      people
        .filter((person) => person.id !== notice.actorId)
        .map((person) => ({
          userId: person.id,
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          url: `/proposals/${notice.proposalId}`,
          actorId: notice.actorId,
          subject: `proposal:${notice.proposalId}:${notice.event}`,
        })),
    );
  }
}

export const notFound = () =>
  new AppError('proposal_not_found', 'There is no such proposal, or it is not shared with you.');
