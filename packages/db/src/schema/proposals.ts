// Joint project proposals: the reference lists they cite (SDGs and their targets, themes), the
// proposal with its fields, SDGs, themes and partner cities, and the history of its status.
import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { documents } from './documents';
import { cities, creativeFields } from './network';

/** A Postgres full-text vector; written by the database only (a generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The 17 Sustainable Development Goals (UN A/RES/70/1), by number. */
export const sdgs = pgTable('sdgs', {
  number: smallint().primaryKey(),
  name: text().notNull(),
  nameFr: text().notNull(),
});

/** The targets of each goal: `11.4`, `11.a`, … `position` keeps the UN order (numbers, then letters). */
export const sdgTargets = pgTable(
  'sdg_targets',
  {
    code: text().primaryKey(),
    goal: smallint()
      .notNull()
      .references(() => sdgs.number),
    text: text().notNull(),
    position: smallint().notNull(),
  },
  (t) => [index().on(t.goal, t.position)],
);

/** Themes of calls such as the COVID-19 response (education, social inclusion, …); rows, so extendable. */
export const themes = pgTable('themes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  nameFr: text().notNull(),
  position: smallint().notNull(),
});

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'supported',
  'not_supported',
  'returned',
  'in_progress',
  'completed',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PARTNER_STATUSES = ['invited', 'accepted', 'declined', 'left'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export interface Milestone {
  label: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

/** English and French vectors of a column, weighted; the query side ORs both languages too. */
const bilingual = (column: string, weight: 'A' | 'B' | 'C'): SQL =>
  sql.raw(
    `setweight(to_tsvector('english'::regconfig, coalesce("${column}", '')), '${weight}') || ` +
      `setweight(to_tsvector('french'::regconfig, coalesce("${column}", '')), '${weight}')`,
  );

export const proposals = pgTable(
  'proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    status: text({ enum: PROPOSAL_STATUSES }).notNull().default('draft'),
    leadCityId: integer()
      .notNull()
      .references(() => cities.id),
    /** The rich-text body (a documents row of kind `proposal`, owned by the lead city). */
    documentId: uuid()
      .notNull()
      .unique()
      .references(() => documents.id, { onDelete: 'restrict' }),
    budgetAmount: numeric({ precision: 14, scale: 2, mode: 'number' }),
    /** ISO 4217, upper case; set together with the amount. */
    budgetCurrency: text(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    milestones: jsonb().$type<Milestone[]>().notNull().default([]),
    /** The Secretariat's note on its latest decision or return. */
    decisionNote: text(),
    /** What every member city may read once the proposal is supported. */
    publicSummary: text(),
    /** Plain text of the document body, kept current by the text indexer, for search. */
    documentText: text().notNull().default(''),
    /** The document's update-log position that `documentText` reflects. */
    textIndexedUpTo: bigint({ mode: 'number' }).notNull().default(0),
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`${bilingual('title', 'A')} || ${bilingual('summary', 'B')} || ${bilingual('document_text', 'C')}`,
      ),
    createdById: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.status),
    index().on(t.leadCityId),
    index('proposals_search_index').using('gin', t.search),
  ],
);

export const proposalFields = pgTable(
  'proposal_fields',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    fieldId: integer()
      .notNull()
      .references(() => creativeFields.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.fieldId] }), index().on(t.fieldId)],
);

export const proposalSdgs = pgTable(
  'proposal_sdgs',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    goal: smallint()
      .notNull()
      .references(() => sdgs.number),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.goal] }), index().on(t.goal)],
);

export const proposalSdgTargets = pgTable(
  'proposal_sdg_targets',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    targetCode: text()
      .notNull()
      .references(() => sdgTargets.code),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.targetCode] })],
);

export const proposalThemes = pgTable(
  'proposal_themes',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    themeId: integer()
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.themeId] }), index().on(t.themeId)],
);

/** Partner cities (the lead is not one): invited, then accepted or declined; an accepted one may leave. */
export const proposalPartners = pgTable(
  'proposal_partners',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    cityId: integer()
      .notNull()
      .references(() => cities.id),
    status: text({ enum: PARTNER_STATUSES }).notNull(),
    invitedById: text().references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Who answered, or left, and when: the latest change after the invitation. */
    respondedById: text().references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.cityId] }), index().on(t.cityId)],
);

/** Every status change, with who made it and the note (required for decisions and returns). */
export const proposalStatusHistory = pgTable(
  'proposal_status_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    /** Null for the creation of the draft. */
    fromStatus: text({ enum: PROPOSAL_STATUSES }),
    toStatus: text({ enum: PROPOSAL_STATUSES }).notNull(),
    byId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.proposalId, t.id)],
);
