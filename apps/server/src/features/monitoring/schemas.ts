// The request and response schemas of /api/monitoring (zod + OpenAPI).
import { z } from '@hono/zod-openapi';
import { CitySchema } from '../initiatives/schemas';

const Slug = z.string().min(1).max(100);
const IsoDate = z.iso.date();
const Format = z
  .enum(['json', 'csv'])
  .default('json')
  .openapi({ description: '`csv`: the table as text/csv with a header row' });

export const NetworkQuery = z.object({
  field: Slug.optional().openapi({ description: 'Creative field slug' }),
  region: Slug.optional().openapi({ description: 'UNESCO region slug' }),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .openapi({ description: "A collaboration's start year, else the year it was created" }),
  status: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .openapi({ description: 'A proposal status, or an initiative status (active, completed)' }),
  format: Format,
});

export const GraphQuery = NetworkQuery.extend({
  table: z
    .enum(['edges', 'nodes'])
    .default('edges')
    .openapi({ description: 'Which table `format=csv` returns' }),
});

export const MeasuresQuery = NetworkQuery.extend({
  table: z
    .enum(['centrality', 'withoutPartner', 'regionMatrix', 'fieldMatrix', 'perYear', 'shares'])
    .default('centrality')
    .openapi({ description: 'Which table `format=csv` returns' }),
});

export const ActivityQuery = z.object({
  from: IsoDate.optional().openapi({ description: 'First day of the period (inclusive)' }),
  to: IsoDate.optional().openapi({ description: 'Day after the period (exclusive)' }),
  format: Format,
});

export const ReportsQuery = z.object({
  asOf: IsoDate.optional().openapi({
    description: 'Compute the schedule as of this day (default: today)',
  }),
  status: z.enum(['all', 'overdue', 'due_soon']).default('all'),
  format: Format,
});

export const DueQuery = ReportsQuery.omit({ status: true });

export const ReportBody = z.strictObject({
  city: Slug.openapi({ description: 'City slug' }),
  receivedOn: IsoDate,
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  note: z.string().max(5000).optional(),
  cycleYear: z
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .openapi({ description: 'The due year it answers; default: the one the city owes now' }),
});

const Edge = z.object({
  source: z.string().openapi({ description: 'City slug' }),
  target: z.string(),
  weight: z.number().int(),
  proposals: z.number().int(),
  initiatives: z.number().int(),
  statuses: z.record(z.string(), z.number().int()),
});

export const GraphSchema = z.object({
  nodes: z.array(
    z.object({
      city: CitySchema,
      activity: z.number().int(),
      collaborations: z.number().int(),
      degree: z.number().int(),
      betweenness: z.number(),
    }),
  ),
  edges: z.array(Edge),
});

const Shares = z.object({
  total: z.number().int(),
  international: z.number().int(),
  crossField: z.number().int(),
  crossRegion: z.number().int(),
  internationalShare: z.number(),
  crossFieldShare: z.number(),
  crossRegionShare: z.number(),
});
const Matrix = z.object({ keys: z.array(z.string()), cells: z.array(z.array(z.number())) });

export const MeasuresSchema = z.object({
  proposals: Shares,
  initiatives: Shares,
  regionMatrix: Matrix,
  fieldMatrix: Matrix,
  withoutPartner: z.array(CitySchema),
  centrality: z.array(
    z.object({
      city: CitySchema,
      degree: z.number().int(),
      betweenness: z.number(),
      normalizedBetweenness: z.number(),
    }),
  ),
  perYear: z.array(
    z.object({
      year: z.number().int(),
      proposals: z.number().int(),
      initiatives: z.number().int(),
      international: z.number().int(),
      newPairs: z.number().int(),
    }),
  ),
});

const Group = z.object({
  dimension: z.enum(['field', 'region', 'country', 'year']),
  key: z.string(),
  name: z.string(),
  count: z.number().int(),
});

export const ActivitySchema = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  proposalsByStatus: z.array(Group.extend({ status: z.string() })),
  messagesByChannel: z.array(
    z.object({ channel: z.string(), kind: z.string(), messages: z.number().int() }),
  ),
  activeCities: z.object({ total: z.number().int(), groups: z.array(Group) }),
});

export const ReportStatusSchema = z.object({
  city: CitySchema,
  schedule: z
    .object({
      nextCycle: z.number().int(),
      nextDueDate: z.string(),
      overdue: z.boolean(),
      dueSoon: z.boolean(),
      missedCycles: z.number().int(),
      lastCycle: z.number().int().nullable(),
    })
    .nullable()
    .openapi({ description: 'Null when the designation year is unknown' }),
  lastReceivedOn: z.string().nullable(),
  lastLink: z.string().nullable(),
});
