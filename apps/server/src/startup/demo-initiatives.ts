// DEMO DATA — invented content, not real initiatives. Seeded only in the demo workspace (DEMO=true)
// so that the initiatives registry, the public showcase and the Secretariat's monitoring are not
// empty on first start. The cities are real members; what they do here is made up, in the spirit
// of the COVID-19 responses the Secretariat collected from March 2020. Links point to example.org.
// Every row carries its `key` in `initiatives.demo_key`: seeding twice adds nothing.
import { type Database, type InitiativeStatus, schema } from '@uccn/db';
import { eq, inArray } from 'drizzle-orm';
import { recordActivity } from '../activity/activity-log';
import { DEMO_SECRETARIAT_EMAIL } from './demo';

interface DemoInitiative {
  key: string;
  title: string;
  description: string;
  lead: string;
  partners: string[];
  themes: string[];
  startDate: string;
  endDate: string | null;
  status: InitiativeStatus;
  /** Granted official support, with this note, by the demo Secretariat. */
  supportNote?: string;
}

export const DEMO_INITIATIVES: readonly DemoInitiative[] = [
  {
    key: 'covid-2020-balcony-concerts',
    title: '[Demo] Balcony concerts streamed between music cities',
    description:
      'Demo content. Musicians of Bologna, Medellín and Kingston played from balconies and courtyards during lockdown; the cities streamed the concerts on one shared schedule and paid the artists a fee.',
    lead: 'bologna',
    partners: ['medellin', 'kingston'],
    themes: ['assistance-to-professionals-and-artists', 'social-inclusion'],
    startDate: '2020-03-20',
    endDate: '2020-09-30',
    status: 'completed',
    supportNote: 'Demo: three regions, artists paid, a schedule other cities can reuse.',
  },
  {
    key: 'covid-2020-crafts-masks',
    title: '[Demo] Craft workshops sewing masks for care homes',
    description:
      'Demo content. Textile artisans of Kanazawa, Fabriano and Sharjah shared patterns and sewed fabric masks for care homes, with an online exchange of techniques.',
    lead: 'kanazawa',
    partners: ['fabriano', 'sharjah'],
    themes: ['disadvantaged-groups', 'assistance-to-professionals-and-artists'],
    startDate: '2020-04-06',
    endDate: '2020-12-18',
    status: 'completed',
    supportNote: 'Demo: crafts cities of three regions working for vulnerable people.',
  },
  {
    key: 'covid-2020-community-kitchens',
    title: '[Demo] Community kitchens with traditional recipes',
    description:
      "Demo content. Popayán's cooks ran community kitchens for families who lost their income and exchanged recipes and food-safety practices with Chengdu.",
    lead: 'popayan',
    partners: ['chengdu'],
    themes: ['disadvantaged-groups', 'social-inclusion'],
    startDate: '2020-05-04',
    endDate: '2021-03-31',
    status: 'completed',
    supportNote: 'Demo: gastronomy cities of two regions, food for families in need.',
  },
  {
    key: 'covid-2020-media-arts-school',
    title: '[Demo] Remote media arts school for teenagers',
    description:
      'Demo content. Dakar and Linz taught animation and sound design online to secondary-school pupils kept at home, with shared lessons in French and English.',
    lead: 'dakar',
    partners: ['linz'],
    themes: ['education', 'sciences-and-technology'],
    startDate: '2020-04-15',
    endDate: null,
    status: 'active',
    supportNote: 'Demo: Africa and Europe teaching together; still running.',
  },
  {
    key: 'covid-2020-design-protective-gear',
    title: '[Demo] Open designs for protective gear',
    description:
      'Demo content. Designers of Montréal, Seoul and Puebla published open patterns for face shields and hospital furniture that local workshops could make.',
    lead: 'montreal',
    partners: ['seoul', 'puebla'],
    themes: ['sciences-and-technology'],
    startDate: '2020-03-30',
    endDate: '2020-08-31',
    status: 'completed',
  },
  {
    key: 'covid-2020-reading-by-phone',
    title: '[Demo] Reading by phone for older people',
    description:
      'Demo content. Volunteers of Kraków and Edinburgh read stories by telephone to older people living alone, and wrote a guide for other literature cities.',
    lead: 'krakow',
    partners: ['edinburgh'],
    themes: ['disadvantaged-groups', 'social-inclusion'],
    startDate: '2020-04-01',
    endDate: '2020-12-31',
    status: 'completed',
  },
  {
    key: 'covid-2020-local-music-fund',
    title: '[Demo] Emergency fund for local musicians',
    description:
      'Demo content. Bogotá paid live-streamed house concerts to keep its musicians working through the lockdown (a one-city initiative: not eligible for official support).',
    lead: 'bogota',
    partners: [],
    themes: ['assistance-to-professionals-and-artists'],
    startDate: '2020-04-20',
    endDate: '2020-10-31',
    status: 'completed',
  },
  {
    key: '2021-sharjah-heritage-crafts-online',
    title: '[Demo] Heritage crafts catalogue online',
    description:
      'Demo content. Sharjah photographed and described the crafts of its artisans for an online catalogue, with Abu Dhabi and Brazzaville adding their own.',
    lead: 'sharjah',
    partners: ['abu-dhabi', 'brazzaville'],
    themes: ['assistance-to-professionals-and-artists'],
    startDate: '2021-02-01',
    endDate: null,
    status: 'active',
  },
];

/** Inserts the demo initiatives that are not there yet; returns how many were new. */
export async function seedDemoInitiatives(db: Database): Promise<number> {
  const { initiatives, initiativePartners, initiativeFields, initiativeThemes } = schema;
  const { initiativeSupportHistory, cities, themes, users } = schema;
  const slugs = [...new Set(DEMO_INITIATIVES.flatMap((i) => [i.lead, ...i.partners]))];
  const cityRows = await db
    .select({ id: cities.id, slug: cities.slug, fieldId: cities.fieldId })
    .from(cities)
    .where(inArray(cities.slug, slugs));
  const city = new Map(cityRows.map((row) => [row.slug, row]));
  const missing = slugs.filter((slug) => !city.has(slug));
  if (missing.length > 0) throw new Error(`Demo initiatives name unknown cities: ${missing}`);
  const themeIds = new Map(
    (await db.select({ id: themes.id, slug: themes.slug }).from(themes)).map((t) => [t.slug, t.id]),
  );
  const [secretariat] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_SECRETARIAT_EMAIL));

  let created = 0;
  for (const demo of DEMO_INITIATIVES) {
    await db.transaction(async (tx) => {
      const lead = city.get(demo.lead);
      if (!lead) return;
      const at = new Date(`${demo.startDate}T09:00:00Z`);
      const decided = demo.supportNote ? new Date(at.getTime() + 30 * 86_400_000) : null;
      const [row] = await tx
        .insert(initiatives)
        .values({
          title: demo.title,
          description: demo.description,
          leadCityId: lead.id,
          links: [{ label: 'Demo page', url: `https://example.org/demo/${demo.key}` }],
          startDate: demo.startDate,
          endDate: demo.endDate,
          status: demo.status,
          support: demo.supportNote ? 'supported' : 'none',
          decisionNote: demo.supportNote ?? null,
          decidedById: demo.supportNote ? (secretariat?.id ?? null) : null,
          decidedAt: decided,
          demoKey: demo.key,
          createdAt: at,
          updatedAt: decided ?? at,
        })
        .onConflictDoNothing({ target: initiatives.demoKey })
        .returning();
      if (!row) return;
      created += 1;
      const partnerIds = demo.partners.flatMap((slug) => city.get(slug)?.id ?? []);
      if (partnerIds.length > 0) {
        await tx
          .insert(initiativePartners)
          .values(partnerIds.map((cityId) => ({ initiativeId: row.id, cityId })));
      }
      await tx.insert(initiativeFields).values({ initiativeId: row.id, fieldId: lead.fieldId });
      const ids = demo.themes.flatMap((slug) => themeIds.get(slug) ?? []);
      if (ids.length > 0) {
        await tx
          .insert(initiativeThemes)
          .values(ids.map((themeId) => ({ initiativeId: row.id, themeId })));
      }
      await recordActivity(tx, {
        actorId: null,
        action: 'initiative.created',
        subjectType: 'initiative',
        subjectId: row.id,
        cityId: lead.id,
        details: { demo: true },
      });
      if (decided && demo.supportNote) {
        await tx.insert(initiativeSupportHistory).values({
          initiativeId: row.id,
          fromSupport: 'none',
          toSupport: 'supported',
          byId: secretariat?.id ?? null,
          note: demo.supportNote,
          at: decided,
        });
      }
    });
  }
  return created;
}
