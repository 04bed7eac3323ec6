// Proposals: create one (with its document, from the template), change its details, and move it
// through its statuses. Partner changes are in partners.ts; reading is in views.ts.
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { type Database, type ProposalStatus, schema } from '@uccn/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { DocumentService } from '../documents/service';
import type { VersionService } from '../documents/versions';
import { loadProposal, notFound, type ProposalChanges, type ProposalRow, type Tx } from './changes';
import { proposalTemplateUpdate } from './document-body';
import type { ReferenceLists } from './reference';
import type { ProposalDetailsInput } from './types';
import type { ProposalViews } from './views';
import {
  assertTransition,
  canEditDetails,
  canEditPublicSummary,
  canSee,
  involvedCityIds,
  writingCityIds,
} from './workflow';

const { proposals, proposalFields, proposalSdgs, proposalSdgTargets, proposalThemes } = schema;
const { proposalPartners, proposalStatusHistory, cities } = schema;

/** How a status reads in a notification title. */
export const STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  under_review: 'under review',
  supported: 'supported',
  not_supported: 'not supported',
  returned: 'returned for changes',
  in_progress: 'in progress',
  completed: 'completed',
  withdrawn: 'withdrawn',
};

const DECISIONS: readonly ProposalStatus[] = ['supported', 'not_supported', 'returned'];

/** Request details turned into column values and list ids, every reference checked. */
interface ResolvedDetails {
  values: Partial<typeof proposals.$inferInsert>;
  fieldIds?: number[];
  sdgs?: { goals: number[]; targets: string[] };
  themeIds?: number[];
}

export class ProposalService {
  constructor(
    private readonly changes: ProposalChanges,
    private readonly documents: DocumentService,
    private readonly versions: VersionService,
    private readonly reference: ReferenceLists,
    private readonly views: ProposalViews,
  ) {}

  private get db(): Database {
    return this.changes.db;
  }

  /** A new draft led by the user's city, its document written from the template. */
  async create(
    user: SessionUser,
    input: ProposalDetailsInput & { title: string; partners: string[] },
  ) {
    if (user.cityId === null) {
      throw new AppError('forbidden', 'A proposal is led by a city; the Secretariat reviews them.');
    }
    const leadCityId = user.cityId;
    const details = await this.resolve(input);
    assertDates(input.startDate ?? null, input.endDate ?? null);
    if (details.fieldIds === undefined || details.fieldIds.length === 0) {
      const [lead] = await this.db
        .select({ fieldId: cities.fieldId })
        .from(cities)
        .where(eq(cities.id, leadCityId));
      details.fieldIds = lead ? [lead.fieldId] : [];
    }
    const partnerIds: number[] = [];
    for (const slug of new Set(input.partners)) {
      const city = await this.reference.city(slug);
      if (city.id === leadCityId) {
        throw new AppError('validation_failed', 'The lead city cannot be its own partner.');
      }
      partnerIds.push(city.id);
    }

    const id = await this.db.transaction(async (tx) => {
      const documentId = await this.documents.insertManaged(tx, {
        title: input.title,
        kind: 'proposal',
        ownerCityId: leadCityId,
        createdById: user.id,
      });
      const [row] = await tx
        .insert(proposals)
        .values({
          ...details.values,
          title: input.title,
          leadCityId,
          documentId,
          createdById: user.id,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await writeLists(tx, row.id, details);
      if (partnerIds.length > 0) {
        await tx.insert(proposalPartners).values(
          partnerIds.map((cityId) => ({
            proposalId: row.id,
            cityId,
            status: 'invited' as const,
            invitedById: user.id,
          })),
        );
      }
      await tx
        .insert(proposalStatusHistory)
        .values({ proposalId: row.id, fromStatus: null, toStatus: 'draft', byId: user.id });
      await this.changes.record(tx, user, row, 'proposal.created', {
        title: input.title,
        partners: input.partners,
      });
      await this.changes.syncDocument(tx, row.id);
      // The document's first update: the template's sections, as the editor reads them.
      await new DrizzleUpdateStore(tx as unknown as Database).append([
        { documentId, update: proposalTemplateUpdate() },
      ]);
      return row.id;
    });

    if (partnerIds.length > 0) {
      await this.changes.notify({
        kind: 'proposal_invitation',
        proposalId: id,
        title: `${user.name} invites your city to the proposal "${input.title}"`,
        body: input.summary ?? '',
        event: `invited:${Date.now()}`,
        actorId: user.id,
        cityIds: partnerIds,
      });
    }
    return this.views.view(user, id);
  }

  /** Details (writing cities, while editable) and the public summary (once supported). */
  async update(
    user: SessionUser,
    id: string,
    input: ProposalDetailsInput & { publicSummary?: string | null | undefined },
  ) {
    const { publicSummary, ...detailsInput } = input;
    const details = await this.resolve(detailsInput);
    const detailKeys = Object.entries(detailsInput)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key);
    await this.changes.run(user, id, async (tx, current) => {
      if (detailKeys.length > 0 && !canEditDetails(user, current.facts)) {
        throw refusal(user, current.row, writingCityIds(current.facts));
      }
      if (publicSummary !== undefined && !canEditPublicSummary(user, current.facts)) {
        throw new AppError(
          'forbidden',
          'The lead city or the Secretariat writes the public summary, once the proposal is supported.',
        );
      }
      assertDates(
        input.startDate === undefined ? current.row.startDate : input.startDate,
        input.endDate === undefined ? current.row.endDate : input.endDate,
      );
      await tx
        .update(proposals)
        .set({
          ...details.values,
          ...(publicSummary === undefined ? {} : { publicSummary }),
          updatedAt: new Date(),
        })
        .where(eq(proposals.id, id));
      await writeLists(tx, id, details, true);
      if (input.title !== undefined && input.title !== current.row.title) {
        await this.changes.syncDocument(tx, id, input.title);
      }
      await this.changes.record(tx, user, current.row, 'proposal.updated', {
        changed: [...detailKeys, ...(publicSummary === undefined ? [] : ['publicSummary'])],
      });
    });
    return this.views.view(user, id);
  }

  /**
   * Moves the proposal to `to`. Submitting takes a named version of the document first; the
   * document's access follows the new status in the same transaction as the status.
   */
  async transition(user: SessionUser, id: string, to: ProposalStatus, note: string | undefined) {
    // Checked before the version is taken, so that a refused request leaves nothing behind;
    // checked again on the locked row below.
    const before = await loadProposal(this.db, id);
    if (!before || !canSee(user, before.facts)) throw notFound();
    assertTransition(user, before.facts, to, note);
    if (to === 'submitted') {
      const day = new Date().toISOString().slice(0, 10);
      await this.versions.createNamed(user, before.row.documentId, `Submitted (${day})`);
    }
    const trimmed = note?.trim() || null;
    const { row, event } = await this.changes.run(user, id, async (tx, current) => {
      assertTransition(user, current.facts, to, note);
      await tx
        .update(proposals)
        .set({
          status: to,
          ...(DECISIONS.includes(to) ? { decisionNote: trimmed } : {}),
          updatedAt: new Date(),
        })
        .where(eq(proposals.id, id));
      const [entry] = await tx
        .insert(proposalStatusHistory)
        .values({
          proposalId: id,
          fromStatus: current.row.status,
          toStatus: to,
          byId: user.id,
          note: trimmed,
        })
        .returning({ id: proposalStatusHistory.id });
      await this.changes.record(tx, user, current.row, 'proposal.status_changed', {
        from: current.row.status,
        to,
        note: trimmed,
      });
      const after = await this.changes.syncDocument(tx, id);
      return { row: after.row, event: `status:${entry?.id ?? Date.now()}` };
    });
    this.changes.accessChanged(row.documentId);
    const after = await loadProposal(this.db, id);
    await this.changes.notify({
      kind: 'proposal_status',
      proposalId: id,
      title: `The proposal "${row.title}" is ${STATUS_LABELS[to]}`,
      body: trimmed ?? '',
      event,
      actorId: user.id,
      cityIds: after ? involvedCityIds(after.facts) : [row.leadCityId],
      secretariat: to === 'submitted',
    });
    return this.views.view(user, id);
  }

  private async resolve(input: ProposalDetailsInput): Promise<ResolvedDetails> {
    const values: ResolvedDetails['values'] = {};
    if (input.title !== undefined) values.title = input.title;
    if (input.summary !== undefined) values.summary = input.summary;
    if (input.budget !== undefined) {
      values.budgetAmount = input.budget?.amount ?? null;
      values.budgetCurrency = input.budget?.currency ?? null;
    }
    if (input.startDate !== undefined) values.startDate = input.startDate;
    if (input.endDate !== undefined) values.endDate = input.endDate;
    if (input.milestones !== undefined) values.milestones = input.milestones;
    const resolved: ResolvedDetails = { values };
    if (input.fields !== undefined) resolved.fieldIds = await this.reference.fieldIds(input.fields);
    if (input.themes !== undefined) resolved.themeIds = await this.reference.themeIds(input.themes);
    if (input.sdgs !== undefined || input.sdgTargets !== undefined) {
      resolved.sdgs = await this.reference.sdgSelection(input.sdgs ?? [], input.sdgTargets ?? []);
    }
    return resolved;
  }
}

/** Replaces the lists that the request names (all of them on create). */
async function writeLists(tx: Tx, proposalId: string, details: ResolvedDetails, replace = false) {
  if (details.fieldIds !== undefined) {
    if (replace) await tx.delete(proposalFields).where(eq(proposalFields.proposalId, proposalId));
    if (details.fieldIds.length > 0) {
      await tx
        .insert(proposalFields)
        .values(details.fieldIds.map((fieldId) => ({ proposalId, fieldId })));
    }
  }
  if (details.themeIds !== undefined) {
    if (replace) await tx.delete(proposalThemes).where(eq(proposalThemes.proposalId, proposalId));
    if (details.themeIds.length > 0) {
      await tx
        .insert(proposalThemes)
        .values(details.themeIds.map((themeId) => ({ proposalId, themeId })));
    }
  }
  if (details.sdgs !== undefined) {
    if (replace) {
      await tx.delete(proposalSdgTargets).where(eq(proposalSdgTargets.proposalId, proposalId));
      await tx.delete(proposalSdgs).where(eq(proposalSdgs.proposalId, proposalId));
    }
    if (details.sdgs.goals.length > 0) {
      await tx
        .insert(proposalSdgs)
        .values(details.sdgs.goals.map((goal) => ({ proposalId, goal })));
    }
    if (details.sdgs.targets.length > 0) {
      await tx
        .insert(proposalSdgTargets)
        .values(details.sdgs.targets.map((targetCode) => ({ proposalId, targetCode })));
    }
  }
}

function assertDates(start: string | null, end: string | null) {
  if (start !== null && end !== null && start > end) {
    throw new AppError('validation_failed', 'The end date comes before the start date.');
  }
}

/** Why an edit is refused: the status (for the proposal's writers) or who they are. */
function refusal(user: SessionUser, row: ProposalRow, writers: number[]) {
  if (user.cityId !== null && writers.includes(user.cityId)) {
    return new AppError(
      'proposal_not_editable',
      `A proposal that is ${row.status} cannot be edited; it can be while a draft or returned.`,
    );
  }
  return new AppError('forbidden', 'Only the lead city and accepted partners edit a proposal.');
}
