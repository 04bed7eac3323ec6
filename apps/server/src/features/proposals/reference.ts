// The lists proposals cite (SDGs with their targets, themes) and the look-ups that turn slugs
// and codes from a request into ids, refusing unknown ones before anything is written.
import { type Database, schema } from '@uccn/db';
import { asc, inArray } from 'drizzle-orm';
import { AppError } from '../../errors';

const { sdgs, sdgTargets, themes, creativeFields, cities } = schema;

export interface SdgView {
  number: number;
  name: string;
  nameFr: string;
  targets: { code: string; text: string }[];
}

/** Throws `validation_failed` naming the values that are not in `known`. */
function assertKnown<T>(kind: string, wanted: readonly T[], known: ReadonlySet<T>) {
  const unknown = [...new Set(wanted)].filter((value) => !known.has(value));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', `Unknown ${kind}: ${unknown.join(', ')}.`, {
      [kind]: unknown,
    });
  }
}

export class ReferenceLists {
  constructor(private readonly db: Database) {}

  /** The 17 goals in order, each with its targets in the UN order. */
  async sdgs(): Promise<SdgView[]> {
    const goals = await this.db.select().from(sdgs).orderBy(asc(sdgs.number));
    const targets = await this.db
      .select()
      .from(sdgTargets)
      .orderBy(asc(sdgTargets.goal), asc(sdgTargets.position));
    return goals.map((goal) => ({
      number: goal.number,
      name: goal.name,
      nameFr: goal.nameFr,
      targets: targets
        .filter((target) => target.goal === goal.number)
        .map(({ code, text }) => ({ code, text })),
    }));
  }

  async themes() {
    return this.db
      .select({ slug: themes.slug, name: themes.name, nameFr: themes.nameFr })
      .from(themes)
      .orderBy(asc(themes.position));
  }

  async fieldIds(slugs: readonly string[]): Promise<number[]> {
    if (slugs.length === 0) return [];
    const rows = await this.db
      .select({ id: creativeFields.id, slug: creativeFields.slug })
      .from(creativeFields)
      .where(inArray(creativeFields.slug, [...slugs]));
    assertKnown('fields', slugs, new Set(rows.map((row) => row.slug)));
    return rows.map((row) => row.id);
  }

  async themeIds(slugs: readonly string[]): Promise<number[]> {
    if (slugs.length === 0) return [];
    const rows = await this.db
      .select({ id: themes.id, slug: themes.slug })
      .from(themes)
      .where(inArray(themes.slug, [...slugs]));
    assertKnown('themes', slugs, new Set(rows.map((row) => row.slug)));
    return rows.map((row) => row.id);
  }

  /** The goals and targets to store: known ones only, each target's goal included. */
  async sdgSelection(goals: readonly number[], targetCodes: readonly string[]) {
    const targets = targetCodes.length
      ? await this.db
          .select({ code: sdgTargets.code, goal: sdgTargets.goal })
          .from(sdgTargets)
          .where(inArray(sdgTargets.code, [...targetCodes]))
      : [];
    assertKnown('sdgTargets', targetCodes, new Set(targets.map((target) => target.code)));
    const allGoals = [...new Set([...goals, ...targets.map((target) => target.goal)])];
    if (allGoals.length > 0) {
      const known = await this.db
        .select({ number: sdgs.number })
        .from(sdgs)
        .where(inArray(sdgs.number, allGoals));
      assertKnown('sdgs', allGoals, new Set(known.map((row) => row.number)));
    }
    return { goals: allGoals, targets: [...new Set(targetCodes)] };
  }

  /** A member city by slug; `city_not_found` otherwise. */
  async city(slug: string) {
    const [row] = await this.db
      .select({ id: cities.id, slug: cities.slug, name: cities.name, fieldId: cities.fieldId })
      .from(cities)
      .where(inArray(cities.slug, [slug]));
    if (!row) throw new AppError('city_not_found', `No member city has the slug "${slug}".`);
    return row;
  }
}
