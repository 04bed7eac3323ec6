// Seeds the demo workspace's sample network (DEMO and DEMO_NETWORK on): proposals between real
// cities through the years, topics in the field channels, and the activity log behind them, so a
// new user sees a living network. Direct inserts, because the services stamp "now" and this
// history is backdated; each proposal still gets its template document and access list.
// The first demo proposal's title is the marker: seeding twice adds nothing.
import { randomUUID } from 'node:crypto';
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { type Database, type ProposalStatus, schema } from '@uccn/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { DocumentService } from '../features/documents/service';
import { proposalTemplateUpdate } from '../features/proposals/document-body';
import { documentAccessPlan, PUBLIC_STATUSES } from '../features/proposals/workflow';
import { DEMO_SECRETARIAT_EMAIL, demoEmail } from './demo';
import {
  DEMO_PROPOSALS,
  DEMO_TOPICS,
  type DemoProposal,
  type DemoTopic,
} from './demo-network-data';

const { proposals, proposalFields, proposalSdgs, proposalPartners, proposalStatusHistory } = schema;
const { activityLog, channels, cities, documents, messages, topics, users } = schema;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The e-mail of a demo member made for a city without a demo focal point (no password). */
export const demoMemberEmail = (slug: string) => `${slug}@demo.uccn.test`;

/** The statuses a proposal went through to reach `status`, after `draft`. */
const PATHS: Record<ProposalStatus, ProposalStatus[]> = {
  draft: [],
  submitted: ['submitted'],
  under_review: ['submitted', 'under_review'],
  returned: ['submitted', 'under_review', 'returned'],
  not_supported: ['submitted', 'under_review', 'not_supported'],
  supported: ['submitted', 'under_review', 'supported'],
  in_progress: ['submitted', 'under_review', 'supported', 'in_progress'],
  completed: ['submitted', 'under_review', 'supported', 'in_progress', 'completed'],
  withdrawn: ['withdrawn'],
};
/** Days after the draft at which each status is reached. */
const DAYS: Partial<Record<ProposalStatus, number>> = {
  submitted: 28,
  under_review: 40,
  supported: 75,
  not_supported: 75,
  returned: 75,
  in_progress: 120,
  completed: 480,
  withdrawn: 30,
};

const day = (iso: string, plus = 0) => {
  const date = new Date(`${iso}T09:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plus);
  // Never in the future, whatever today is.
  return date.getTime() > Date.now() ? new Date() : date;
};
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

interface Ids {
  city: Map<string, { id: number; fieldId: number }>;
  /** A user per city slug (focal point or demo member), and `secretariat`. */
  user: Map<string, string>;
}

/** Inserts the sample network unless it is there; returns how many proposals were new. */
export async function seedDemoNetwork(db: Database): Promise<number> {
  const [marker] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.title, (DEMO_PROPOSALS[0] as DemoProposal).title));
  if (marker) return 0;
  const ids = await resolveIds(db);
  const documentService = new DocumentService(db);
  await db.transaction(async (tx) => {
    for (const demo of DEMO_PROPOSALS) await insertProposal(tx, ids, documentService, demo);
    for (const topic of DEMO_TOPICS) await insertTopic(tx, ids, topic);
  });
  return DEMO_PROPOSALS.length;
}

/** Cities by slug, and an author for each: the demo focal point, else a demo member made now. */
async function resolveIds(db: Database): Promise<Ids> {
  const slugs = [
    ...new Set([
      ...DEMO_PROPOSALS.flatMap((p) => [p.lead, ...p.partners, ...(p.invited ?? [])]),
      ...DEMO_TOPICS.flatMap((t) => t.messages.map(([author]) => author)),
    ]),
  ].filter((slug) => slug !== 'secretariat');
  const rows = await db
    .select({ id: cities.id, slug: cities.slug, name: cities.name, fieldId: cities.fieldId })
    .from(cities)
    .where(inArray(cities.slug, slugs));
  const missing = slugs.filter((slug) => !rows.some((row) => row.slug === slug));
  if (missing.length > 0) throw new Error(`Demo network names unknown cities: ${missing}`);

  const authors = new Set([
    ...DEMO_PROPOSALS.map((p) => p.lead),
    ...DEMO_TOPICS.flatMap((t) => t.messages.map(([author]) => author)),
  ]);
  const emails = [
    DEMO_SECRETARIAT_EMAIL,
    ...slugs.flatMap((s) => [demoEmail(s), demoMemberEmail(s)]),
  ];
  const existing = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const byEmail = new Map(existing.map((row) => [row.email, row.id]));
  const user = new Map<string, string>();
  const secretariat = byEmail.get(DEMO_SECRETARIAT_EMAIL);
  if (!secretariat) throw new Error('The demo network needs the demo Secretariat account');
  user.set('secretariat', secretariat);
  for (const city of rows) {
    const id = byEmail.get(demoEmail(city.slug)) ?? byEmail.get(demoMemberEmail(city.slug));
    if (id) user.set(city.slug, id);
    else if (authors.has(city.slug)) {
      const created = randomUUID();
      await db.insert(users).values({
        id: created,
        email: demoMemberEmail(city.slug),
        name: `[Demo] ${city.name} member`,
        role: 'member',
        cityId: city.id,
      });
      user.set(city.slug, created);
    }
  }
  return { city: new Map(rows.map((row) => [row.slug, row])), user };
}

const need = <T>(map: Map<string, T>, key: string): T => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo network: nothing for ${key}`);
  return value;
};

async function insertProposal(tx: Tx, ids: Ids, docs: DocumentService, demo: DemoProposal) {
  const lead = need(ids.city, demo.lead);
  const author = need(ids.user, demo.lead);
  const secretariat = need(ids.user, 'secretariat');
  const created = day(demo.created);
  const steps = PATHS[demo.status].map((status) => ({
    status,
    at: day(demo.created, DAYS[status] ?? 0),
  }));
  const last = steps.at(-1)?.at ?? created;
  const decided = ['supported', 'not_supported', 'returned'];
  const ended = steps.find((step) => step.status === 'completed')?.at;

  const [document] = await tx
    .insert(documents)
    .values({
      title: demo.title,
      kind: 'proposal',
      ownerCityId: lead.id,
      createdById: author,
      createdAt: created,
    })
    .returning({ id: documents.id });
  if (!document) throw new Error('insert returned nothing');
  const [row] = await tx
    .insert(proposals)
    .values({
      title: demo.title,
      summary: demo.summary,
      status: demo.status,
      leadCityId: lead.id,
      documentId: document.id,
      budgetAmount: demo.budget ?? null,
      budgetCurrency: demo.budget ? 'EUR' : null,
      // The planned start is what monitoring counts a year by; a draft has none yet.
      startDate: demo.status === 'draft' ? null : isoDate(day(demo.created, 120)),
      endDate: ended ? isoDate(ended) : null,
      decisionNote: steps.some((s) => decided.includes(s.status)) ? (demo.note ?? null) : null,
      publicSummary: PUBLIC_STATUSES.includes(demo.status) ? (demo.note ?? null) : null,
      createdById: author,
      createdAt: created,
      updatedAt: last,
    })
    .returning({ id: proposals.id });
  if (!row) throw new Error('insert returned nothing');
  const partnerIds = [...demo.partners, ...(demo.invited ?? [])].map((s) => need(ids.city, s).id);
  const fieldIds = new Set([lead.fieldId, ...demo.partners.map((s) => need(ids.city, s).fieldId)]);
  await tx
    .insert(proposalFields)
    .values([...fieldIds].map((fieldId) => ({ proposalId: row.id, fieldId })));
  await tx.insert(proposalSdgs).values(demo.sdgs.map((goal) => ({ proposalId: row.id, goal })));
  const partners = partnerIds.map((cityId, i) => ({
    proposalId: row.id,
    cityId,
    status: i < demo.partners.length ? ('accepted' as const) : ('invited' as const),
    invitedById: author,
    invitedAt: created,
    respondedAt: i < demo.partners.length ? day(demo.created, 7 + i) : null,
  }));
  await tx.insert(proposalPartners).values(partners);
  await tx.insert(proposalStatusHistory).values([
    { proposalId: row.id, fromStatus: null, toStatus: 'draft', byId: author, at: created },
    ...steps.map((step, i) => ({
      proposalId: row.id,
      fromStatus: i === 0 ? ('draft' as const) : (steps[i - 1]?.status ?? 'draft'),
      toStatus: step.status,
      byId: ['under_review', ...decided].includes(step.status) ? secretariat : author,
      note: decided.includes(step.status) ? (demo.note ?? null) : null,
      at: step.at,
    })),
  ]);
  await docs.applyManagedState(
    tx,
    document.id,
    documentAccessPlan({
      status: demo.status,
      leadCityId: lead.id,
      partners: partners.map((p) => ({ cityId: p.cityId, status: p.status })),
    }),
  );
  await new DrizzleUpdateStore(tx as unknown as Database).append([
    { documentId: document.id, update: proposalTemplateUpdate() },
  ]);

  // The activity behind it, on the day each thing happened.
  const subject = { subjectType: 'proposal', subjectId: row.id, cityId: lead.id };
  await tx.insert(activityLog).values([
    {
      ...subject,
      actorId: author,
      action: 'proposal.created',
      at: created,
      details: { demo: true },
    },
    ...partners
      .filter((p) => p.status === 'accepted')
      .map((p) => ({
        ...subject,
        cityId: p.cityId,
        actorId: null,
        action: 'proposal.partner_accepted',
        at: p.respondedAt ?? created,
        details: { demo: true },
      })),
    ...steps.map((step, i) => ({
      ...subject,
      actorId: ['under_review', ...decided].includes(step.status) ? secretariat : author,
      action: 'proposal.status_changed',
      at: step.at,
      details: { demo: true, from: i === 0 ? 'draft' : steps[i - 1]?.status, to: step.status },
    })),
  ]);
}

async function insertTopic(tx: Tx, ids: Ids, demo: DemoTopic) {
  const [channel] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.slug, demo.channel));
  if (!channel) throw new Error(`Demo network: no channel ${demo.channel}`);
  const [{ seq } = { seq: 0 }] = await tx
    .update(channels)
    .set({
      seq: sql`${channels.seq} + ${demo.messages.length}`,
      lastActivityAt: day(demo.created, demo.messages.length - 1),
    })
    .where(eq(channels.id, channel.id))
    .returning({ seq: channels.seq });
  const first = seq - demo.messages.length + 1;
  const authorOf = (slug: string) => need(ids.user, slug);
  const [opener] = demo.messages;
  if (!opener) throw new Error(`Demo topic without messages: ${demo.title}`);
  const [topic] = await tx
    .insert(topics)
    .values({
      channelId: channel.id,
      title: demo.title,
      authorId: authorOf(opener[0]),
      replyCount: demo.messages.length - 1,
      seq,
      createdAt: day(demo.created),
      lastMessageAt: day(demo.created, demo.messages.length - 1),
    })
    .returning({ id: topics.id });
  if (!topic) throw new Error('insert returned nothing');
  await tx.insert(messages).values(
    demo.messages.map(([author, body], i) => ({
      channelId: channel.id,
      topicId: topic.id,
      authorId: authorOf(author),
      body,
      postedSeq: first + i,
      seq: first + i,
      createdAt: day(demo.created, i),
    })),
  );
  await tx.insert(activityLog).values(
    demo.messages.map(([author], i) => ({
      actorId: authorOf(author),
      action: i === 0 ? 'topic.created' : 'message.posted',
      subjectType: 'topic',
      subjectId: topic.id,
      cityId: author === 'secretariat' ? null : need(ids.city, author).id,
      at: day(demo.created, i),
      details: { demo: true },
    })),
  );
}
