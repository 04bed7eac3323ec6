// The shapes of cities and the network's reference data in the API.
import { z } from '@hono/zod-openapi';

export const CitySchema = z
  .object({
    id: z.number().int(),
    slug: z.string().openapi({ example: 'kanazawa' }),
    name: z.string().openapi({ example: 'Kanazawa' }),
    country: z.string().openapi({ example: 'Japan' }),
    iso2: z.string().length(2).openapi({ example: 'JP' }),
    region: z.string().openapi({ example: 'Asia and the Pacific' }),
    regionSlug: z.string().openapi({ example: 'asia-pacific' }),
    field: z.string().openapi({ example: 'Crafts and Folk Art' }),
    fieldSlug: z.string().openapi({ example: 'crafts-and-folk-art' }),
    year: z.number().int().nullable().openapi({ description: 'Year of designation' }),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    unescoUrl: z.string().nullable().openapi({ description: "The city's page on unesco.org" }),
  })
  .openapi('City');

export type City = z.infer<typeof CitySchema>;

export const MemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['secretariat', 'focal_point', 'member']),
  })
  .openapi('Member');

export const MemberWithEmailSchema = MemberSchema.extend({ email: z.string() }).openapi(
  'MemberWithEmail',
);

export const CityFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: 'Part of the city or country name' }),
  field: z.string().max(64).optional().openapi({ description: 'Creative field slug or name' }),
  region: z.string().max(64).optional().openapi({ description: 'UNESCO region slug or name' }),
  country: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'ISO 3166-1 alpha-2 code or country name' }),
});

export type CityFilters = z.infer<typeof CityFiltersSchema>;
