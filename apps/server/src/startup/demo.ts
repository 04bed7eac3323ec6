// The demo workspace: the Secretariat and the focal points of a handful of real cities of
// different fields and regions, all with one known password, so a new user can try everything.
import { type Database, schema } from '@uccn/db';
import { inArray } from 'drizzle-orm';
import type { Accounts } from '../auth/accounts';

/** Cities whose focal points get demo accounts: six fields, five regions. */
export const DEMO_CITY_SLUGS = [
  'bologna',
  'kanazawa',
  'popayan',
  'dakar',
  'montreal',
  'sharjah',
] as const;
export const DEMO_SECRETARIAT_EMAIL = 'secretariat@uccn.test';
export const demoEmail = (slug: string) => `${slug}@uccn.test`;

/** Creates the demo accounts that do not exist yet; returns them all and how many are new. */
export async function seedDemoAccounts(db: Database, accounts: Accounts, password: string) {
  const cities = await db
    .select({ id: schema.cities.id, slug: schema.cities.slug, name: schema.cities.name })
    .from(schema.cities)
    .where(inArray(schema.cities.slug, [...DEMO_CITY_SLUGS]));
  const missing = DEMO_CITY_SLUGS.filter((slug) => !cities.some((city) => city.slug === slug));
  if (missing.length > 0) {
    throw new Error(`Demo cities missing from the seeded network: ${missing.join(', ')}`);
  }
  const wanted = [
    {
      email: DEMO_SECRETARIAT_EMAIL,
      name: 'UNESCO Secretariat',
      role: 'secretariat' as const,
      cityId: null,
    },
    ...cities.map((city) => ({
      email: demoEmail(city.slug),
      name: `${city.name} focal point`,
      role: 'focal_point' as const,
      cityId: city.id,
    })),
  ];
  let created = 0;
  for (const account of wanted) {
    if (await accounts.exists(account.email)) continue;
    await accounts.create({ ...account, password });
    created += 1;
  }
  return { created, accounts: wanted.map(({ email, name }) => ({ email, label: name })) };
}
