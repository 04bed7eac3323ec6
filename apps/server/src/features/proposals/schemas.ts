// The request and response schemas of /api/proposals, /api/sdgs and /api/themes (zod + OpenAPI).
import { z } from '@hono/zod-openapi';
import { PARTNER_STATUSES, PROPOSAL_STATUSES } from '@uccn/db';

export const StatusSchema = z.enum(PROPOSAL_STATUSES);
const Slug = z.string().min(1).max(100);
const IsoDate = z.iso.date();
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const PartnerParams = IdParam.extend({
  city: Slug.openapi({ param: { name: 'city', in: 'path' }, description: 'City slug' }),
});

const Named = z.object({ slug: z.string(), name: z.string(), nameFr: z.string() });
const Person = z.object({ id: z.string(), name: z.string() });
const Milestone = z.strictObject({ label: z.string().trim().min(1).max(200), date: IsoDate });

const CitySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    country: z.object({ iso2: z.string(), name: z.string() }),
    region: z.object({ slug: z.string(), name: z.string() }),
    field: Named,
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  })
  .openapi('ProposalCity');

export const ProposalSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    status: StatusSchema,
    documentId: z.uuid().openapi({ description: 'Open it at /collab/<documentId>' }),
    leadCity: CitySchema,
    partners: z.array(
      z.object({
        city: CitySchema,
        status: z.enum(PARTNER_STATUSES),
        invitedBy: Person.nullable(),
        invitedAt: z.string(),
        respondedBy: Person.nullable(),
        respondedAt: z.string().nullable(),
      }),
    ),
    fields: z.array(Named),
    sdgs: z.array(z.object({ number: z.number().int(), name: z.string(), nameFr: z.string() })),
    sdgTargets: z.array(z.object({ code: z.string(), goal: z.number().int(), text: z.string() })),
    themes: z.array(Named),
    budget: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    milestones: z.array(z.object({ label: z.string(), date: z.string() })),
    decisionNote: z.string().nullable(),
    publicSummary: z.string().nullable(),
    international: z
      .boolean()
      .openapi({ description: 'Its writing cities are in several countries' }),
    crossField: z.boolean().openapi({ description: 'Its writing cities are in several fields' }),
    actions: z
      .object({
        editDetails: z.boolean(),
        editPublicSummary: z.boolean(),
        invite: z.boolean(),
        answer: z.boolean(),
        leave: z.boolean(),
        handOver: z.boolean(),
        transitions: z.array(StatusSchema),
      })
      .openapi({ description: 'What the requesting user may do now' }),
    createdBy: Person.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Proposal');

const Details = {
  summary: z.string().trim().max(5000),
  fields: z.array(Slug).max(10),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17),
  sdgTargets: z
    .array(z.string().regex(/^\d{1,2}\.(\d{1,2}|[a-z])$/))
    .max(169)
    .openapi({ description: 'Target codes such as "11.4"; their goals are added' }),
  themes: z.array(Slug).max(20),
  budget: z
    .strictObject({
      amount: z.number().nonnegative().max(999_999_999_999),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .refine((code) => CURRENCIES.has(code), 'must be an ISO 4217 currency code'),
    })
    .nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  milestones: z.array(Milestone).max(50),
};
const Title = z.string().trim().min(1).max(200);

export const CreateBody = z.strictObject({
  title: Title,
  summary: Details.summary.optional(),
  fields: Details.fields.min(1).optional().openapi({ description: "Default: the lead city's" }),
  sdgs: Details.sdgs.optional(),
  sdgTargets: Details.sdgTargets.optional(),
  themes: Details.themes.optional(),
  budget: Details.budget.optional(),
  startDate: Details.startDate.optional(),
  endDate: Details.endDate.optional(),
  milestones: Details.milestones.optional(),
  partners: z.array(Slug).max(50).default([]).openapi({ description: 'City slugs to invite' }),
});

export const UpdateBody = z.strictObject({
  title: Title.optional(),
  summary: Details.summary.optional(),
  fields: Details.fields.min(1).optional(),
  sdgs: Details.sdgs.optional(),
  sdgTargets: Details.sdgTargets.optional(),
  themes: Details.themes.optional(),
  budget: Details.budget.optional(),
  startDate: Details.startDate.optional(),
  endDate: Details.endDate.optional(),
  milestones: Details.milestones.optional(),
  publicSummary: z.string().trim().max(5000).nullable().optional(),
});

export const ListQuery = z.object({
  scope: z.enum(['mine', 'all']).default('all'),
  status: StatusSchema.optional(),
  field: Slug.optional(),
  region: Slug.optional(),
  sdg: z.coerce.number().int().min(1).max(17).optional(),
  theme: Slug.optional(),
  city: Slug.optional(),
  q: z.string().trim().max(200).optional().openapi({
    description: 'Full-text search over title, summary and document text, English and French',
  }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TransitionBody = z.strictObject({
  to: StatusSchema,
  note: z
    .string()
    .max(5000)
    .optional()
    .openapi({ description: 'Required for supported, not_supported and returned' }),
});

export const HistorySchema = z.object({
  from: StatusSchema.nullable(),
  to: StatusSchema,
  by: Person.extend({ city: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const SdgSchema = z
  .object({
    number: z.number().int(),
    name: z.string(),
    nameFr: z.string(),
    targets: z.array(z.object({ code: z.string(), text: z.string() })),
  })
  .openapi('Sdg');
export const ThemeSchema = Named.openapi('Theme');
