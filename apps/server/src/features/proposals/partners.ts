// Partner cities of a proposal: invite (the lead city's people), accept or decline (the invited
// city's focal point), leave (a partner's focal point), and handing the lead to a partner.
import { type PartnerStatus, schema } from '@uccn/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { ProposalChanges } from './changes';
import type { ReferenceLists } from './reference';
import type { ProposalViews } from './views';
import {
  canAnswer,
  canHandOver,
  canInvite,
  canLeave,
  involvedCityIds,
  isEditable,
  type ProposalFacts,
} from './workflow';

const { proposals, proposalPartners } = schema;

export type PartnerAnswer = 'accept' | 'decline';

const partnerStatus = (facts: ProposalFacts, cityId: number) =>
  facts.partners.find((p) => p.cityId === cityId)?.status;

export class PartnerService {
  constructor(
    private readonly changes: ProposalChanges,
    private readonly reference: ReferenceLists,
    private readonly views: ProposalViews,
  ) {}

  async invite(user: SessionUser, id: string, citySlug: string) {
    const city = await this.reference.city(citySlug);
    const { row } = await this.changes.run(user, id, async (tx, current) => {
      if (!canInvite(user, current.facts)) {
        throw user.cityId === current.facts.leadCityId && !isEditable(current.facts.status)
          ? new AppError(
              'proposal_not_editable',
              `Partners are invited while the proposal is a draft or returned, not ${current.facts.status}.`,
            )
          : new AppError('forbidden', "Only the lead city's people invite partner cities.");
      }
      const status = partnerStatus(current.facts, city.id);
      if (city.id === current.facts.leadCityId || status === 'invited' || status === 'accepted') {
        throw new AppError(
          'partner_state',
          city.id === current.facts.leadCityId
            ? `${city.name} leads this proposal.`
            : `${city.name} is already ${status === 'invited' ? 'invited' : 'a partner'}.`,
        );
      }
      const values = {
        status: 'invited' as const,
        invitedById: user.id,
        invitedAt: new Date(),
        respondedById: null,
        respondedAt: null,
      };
      await tx
        .insert(proposalPartners)
        .values({ proposalId: id, cityId: city.id, ...values })
        .onConflictDoUpdate({
          target: [proposalPartners.proposalId, proposalPartners.cityId],
          set: values,
        });
      await this.touch(tx, id);
      await this.changes.record(tx, user, current.row, 'proposal.partner_invited', {
        city: city.slug,
      });
      return this.changes.syncDocument(tx, id);
    });
    this.changes.accessChanged(row.documentId);
    await this.changes.notify({
      kind: 'proposal_invitation',
      proposalId: id,
      title: `${user.name} invites ${city.name} to the proposal "${row.title}"`,
      body: row.summary,
      event: `invited:${city.id}:${Date.now()}`,
      actorId: user.id,
      cityIds: [city.id],
    });
    return this.views.view(user, id);
  }

  async answer(user: SessionUser, id: string, citySlug: string, answer: PartnerAnswer) {
    const city = await this.reference.city(citySlug);
    const to: PartnerStatus = answer === 'accept' ? 'accepted' : 'declined';
    return this.respond(user, id, city, to, (facts) => {
      if (canAnswer(user, facts, city.id)) return;
      if (partnerStatus(facts, city.id) !== 'invited') {
        throw new AppError('partner_state', `${city.name} has no open invitation to answer.`);
      }
      throw new AppError(
        'forbidden',
        `Only the focal point of ${city.name} answers its invitation.`,
      );
    });
  }

  async leave(user: SessionUser, id: string, citySlug: string) {
    const city = await this.reference.city(citySlug);
    return this.respond(user, id, city, 'left', (facts) => {
      if (canLeave(user, facts, city.id)) return;
      if (partnerStatus(facts, city.id) !== 'accepted') {
        throw new AppError('partner_state', `${city.name} is not a partner of this proposal.`);
      }
      throw new AppError('forbidden', `Only the focal point of ${city.name} takes it out.`);
    });
  }

  /** The lead city's focal point makes an accepted partner the lead; the old lead stays a partner. */
  async handOver(user: SessionUser, id: string, citySlug: string) {
    const city = await this.reference.city(citySlug);
    const { row, formerLead } = await this.changes.run(user, id, async (tx, current) => {
      if (!canHandOver(user, current.facts, city.id)) {
        if (partnerStatus(current.facts, city.id) !== 'accepted') {
          throw new AppError('partner_state', `${city.name} is not an accepted partner.`);
        }
        throw new AppError('forbidden', "Only the lead city's focal point hands the lead over.");
      }
      const formerLead = current.facts.leadCityId;
      await tx
        .delete(proposalPartners)
        .where(and(eq(proposalPartners.proposalId, id), eq(proposalPartners.cityId, city.id)));
      await tx.insert(proposalPartners).values({
        proposalId: id,
        cityId: formerLead,
        status: 'accepted',
        invitedById: user.id,
        respondedById: user.id,
        respondedAt: new Date(),
      });
      await tx
        .update(proposals)
        .set({ leadCityId: city.id, updatedAt: new Date() })
        .where(eq(proposals.id, id));
      await this.changes.record(tx, user, current.row, 'proposal.lead_handed_over', {
        from: formerLead,
        to: city.slug,
      });
      return { row: (await this.changes.syncDocument(tx, id)).row, formerLead };
    });
    this.changes.accessChanged(row.documentId);
    await this.changes.notify({
      kind: 'proposal_status',
      proposalId: id,
      title: `${city.name} now leads the proposal "${row.title}"`,
      body: '',
      event: `lead:${city.id}:${Date.now()}`,
      actorId: user.id,
      cityIds: [...new Set([formerLead, city.id])],
    });
    return this.views.view(user, id);
  }

  /** A partner city's own change (accept, decline, leave), after `check` allowed it. */
  private async respond(
    user: SessionUser,
    id: string,
    city: { id: number; slug: string; name: string },
    to: PartnerStatus,
    check: (facts: ProposalFacts) => void,
  ) {
    const { row, cityIds } = await this.changes.run(user, id, async (tx, current) => {
      check(current.facts);
      await tx
        .update(proposalPartners)
        .set({ status: to, respondedById: user.id, respondedAt: new Date() })
        .where(and(eq(proposalPartners.proposalId, id), eq(proposalPartners.cityId, city.id)));
      await this.touch(tx, id);
      await this.changes.record(tx, user, current.row, `proposal.partner_${to}`, {
        city: city.slug,
      });
      const after = await this.changes.syncDocument(tx, id);
      // Everyone involved before the change hears of it, the city that declined or left included.
      return { row: after.row, cityIds: involvedCityIds(current.facts) };
    });
    this.changes.accessChanged(row.documentId);
    const verb = {
      accepted: 'joined',
      declined: 'declined',
      left: 'left',
      invited: 'was invited to',
    };
    await this.changes.notify({
      kind: 'proposal_status',
      proposalId: id,
      title: `${city.name} ${verb[to]} the proposal "${row.title}"`,
      body: '',
      event: `partner:${city.id}:${to}:${Date.now()}`,
      actorId: user.id,
      cityIds,
    });
    // A city that declined or left may no longer see a draft: it gets no view back.
    return this.views.viewIfVisible(user, id);
  }

  private touch(tx: Parameters<Parameters<ProposalChanges['run']>[2]>[0], id: string) {
    return tx.update(proposals).set({ updatedAt: new Date() }).where(eq(proposals.id, id));
  }
}
