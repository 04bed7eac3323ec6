// City-led initiatives (innovative actions already under way, such as the COVID-19 responses),
// the Secretariat's official support and its history, and the cities' Membership Monitoring Reports.
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cities, creativeFields } from './network';
import { themes } from './proposals';

export const INITIATIVE_STATUSES = ['active', 'completed'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** `none` until the Secretariat decides; `withdrawn` after support was taken back. */
export const SUPPORT_STATES = ['none', 'supported', 'withdrawn'] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

export interface InitiativeLink {
  label: string;
  /** http or https only. */
  url: string;
}

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text().notNull().default(''),
    leadCityId: integer()
      .notNull()
      .references(() => cities.id),
    links: jsonb().$type<InitiativeLink[]>().notNull().default([]),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    status: text({ enum: INITIATIVE_STATUSES }).notNull().default('active'),
    support: text({ enum: SUPPORT_STATES }).notNull().default('none'),
    /** The Secretariat's note on its latest support decision. */
    decisionNote: text(),
    decidedById: text().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    /** Set on rows seeded from the demo data set (its key there): demo content, seeded once. */
    demoKey: text().unique(),
    createdById: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.leadCityId), index().on(t.support)],
);

/** Partner cities of an initiative (the lead is never one). */
export const initiativePartners = pgTable(
  'initiative_partners',
  {
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    cityId: integer()
      .notNull()
      .references(() => cities.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.cityId] }), index().on(t.cityId)],
);

export const initiativeFields = pgTable(
  'initiative_fields',
  {
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    fieldId: integer()
      .notNull()
      .references(() => creativeFields.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.fieldId] }), index().on(t.fieldId)],
);

export const initiativeThemes = pgTable(
  'initiative_themes',
  {
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    themeId: integer()
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.themeId] }), index().on(t.themeId)],
);

/** Every support decision: from, to, by, note, at. */
export const initiativeSupportHistory = pgTable(
  'initiative_support_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    fromSupport: text({ enum: SUPPORT_STATES }).notNull(),
    toSupport: text({ enum: SUPPORT_STATES }).notNull(),
    byId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.initiativeId, t.id)],
);

/**
 * Membership Monitoring Reports received by the Secretariat. A city reports every four years
 * after its designation; `cycleYear` is the due year the report answers (designation + 4k).
 */
export const monitoringReports = pgTable(
  'monitoring_reports',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer()
      .notNull()
      .references(() => cities.id),
    cycleYear: smallint().notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    link: text(),
    note: text(),
    recordedById: text().references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.cityId, t.cycleYear)],
);
