// The request and response schemas of /api/initiatives (zod + OpenAPI).
import { z } from '@hono/zod-openapi';
import { INITIATIVE_STATUSES, SUPPORT_STATES } from '@uccn/db';

const Slug = z.string().min(1).max(100);
const IsoDate = z.iso.date();
export const Named = z.object({ slug: z.string(), name: z.string(), nameFr: z.string() });
const Person = z.object({ id: z.string(), name: z.string() });

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const CitySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    country: z.object({ iso2: z.string(), name: z.string() }),
    region: Named,
    field: Named,
    designationYear: z.number().int().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  })
  .openapi('PlacedCity');

const Link = z.strictObject({
  label: z.string().trim().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .openapi({ description: 'http or https only' }),
});

export const InitiativeSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    leadCity: CitySchema,
    partners: z.array(CitySchema),
    fields: z.array(Named),
    themes: z.array(Named),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    status: z.enum(INITIATIVE_STATUSES),
    support: z.enum(SUPPORT_STATES),
    decisionNote: z
      .string()
      .nullable()
      .openapi({ description: "Shown to the initiative's cities and the Secretariat only" }),
    decidedBy: Person.nullable(),
    decidedAt: z.string().nullable(),
    interCity: z.boolean().openapi({ description: 'More than one city takes part' }),
    international: z.boolean().openapi({ description: 'Its cities are in several countries' }),
    demo: z.boolean().openapi({ description: 'Seeded demo content' }),
    actions: z.object({ edit: z.boolean(), support: z.boolean(), withdraw: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Initiative');

export const SupportEntrySchema = z.object({
  from: z.enum(SUPPORT_STATES),
  to: z.enum(SUPPORT_STATES),
  by: Person.nullable(),
  note: z.string(),
  at: z.string(),
});

const Details = {
  description: z.string().trim().max(10_000),
  partners: z.array(Slug).max(50).openapi({ description: 'City slugs' }),
  fields: z.array(Slug).min(1).max(10),
  themes: z.array(Slug).max(20),
  links: z.array(Link).max(20),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  status: z.enum(INITIATIVE_STATUSES),
};
const Title = z.string().trim().min(1).max(200);

export const CreateBody = z.strictObject({
  title: Title,
  description: Details.description.optional(),
  partners: Details.partners.optional(),
  fields: Details.fields.optional().openapi({ description: "Default: the lead city's" }),
  themes: Details.themes.optional(),
  links: Details.links.optional(),
  startDate: Details.startDate.optional(),
  endDate: Details.endDate.optional(),
  status: Details.status.optional(),
});

export const UpdateBody = CreateBody.extend({ title: Title.optional() });

export const ListQuery = z.object({
  field: Slug.optional(),
  region: Slug.optional(),
  theme: Slug.optional(),
  support: z.enum(SUPPORT_STATES).optional(),
  city: Slug.optional().openapi({ description: 'Lead or partner city slug' }),
  status: z.enum(INITIATIVE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SupportBody = z.strictObject({
  decision: z.enum(['supported', 'withdrawn']),
  note: z.string().max(5000).optional().openapi({ description: 'Required' }),
});
