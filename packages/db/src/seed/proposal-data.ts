// Reads and validates the lists proposals cite (SDGs, their targets, themes); no database here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { assertUnique, parseCsv, SeedDataError } from './csv';

/** The files the seeder reads for proposals, by role. */
export const PROPOSAL_FILES = {
  sdgs: 'sdgs.csv',
  sdgTargets: 'sdg-targets.csv',
  themes: 'themes.csv',
} as const;

export type ProposalFileRole = keyof typeof PROPOSAL_FILES;

const text = z.string().trim().min(1, 'must not be empty');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug like "social-inclusion"');
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const sdgRow = z.object({ number: wholeNumber(1, 17), name: text, name_fr: text });
const targetRow = z.object({
  code: z
    .string()
    .regex(/^\d{1,2}\.(\d{1,2}|[a-z])$/, 'must be a target code like "11.4" or "11.a"'),
  text,
});
const themeRow = z.object({ slug, name: text, name_fr: text, position: wholeNumber(0, 32_767) });

export interface SdgData {
  number: number;
  name: string;
  nameFr: string;
}
export interface SdgTargetData {
  code: string;
  goal: number;
  text: string;
  /** Order within the goal, as the file lists it (the UN order: numbers, then letters). */
  position: number;
}
export interface ThemeData {
  slug: string;
  name: string;
  nameFr: string;
  position: number;
}
export interface ProposalReferenceData {
  sdgs: SdgData[];
  sdgTargets: SdgTargetData[];
  themes: ThemeData[];
}

/** Validates the three files together (a target's goal must be listed). Pure, like parseNetworkData. */
export function parseProposalData(texts: Record<ProposalFileRole, string>): ProposalReferenceData {
  const files = PROPOSAL_FILES;
  const sdgs = parseCsv(texts.sdgs, files.sdgs, sdgRow);
  const targets = parseCsv(texts.sdgTargets, files.sdgTargets, targetRow);
  const themes = parseCsv(texts.themes, files.themes, themeRow);
  assertUnique(files.sdgs, sdgs, 'number', (r) => String(r.number));
  assertUnique(files.sdgTargets, targets, 'code', (r) => r.code);
  assertUnique(files.themes, themes, 'slug', (r) => r.slug);

  const goals = new Set(sdgs.map(({ row }) => row.number));
  const positions = new Map<number, number>();
  const sdgTargets = targets.map(({ line, row }): SdgTargetData => {
    const goal = Number(row.code.split('.')[0]);
    if (!goals.has(goal)) {
      throw new SeedDataError(
        files.sdgTargets,
        line,
        'code',
        `goal ${goal} is not in ${files.sdgs}`,
      );
    }
    const position = (positions.get(goal) ?? 0) + 1;
    positions.set(goal, position);
    return { code: row.code, goal, text: row.text, position };
  });
  return {
    sdgs: sdgs.map(({ row }) => ({ number: row.number, name: row.name, nameFr: row.name_fr })),
    sdgTargets,
    themes: themes.map(({ row }) => ({
      slug: row.slug,
      name: row.name,
      nameFr: row.name_fr,
      position: row.position,
    })),
  };
}

/** Reads the three files from a folder and validates them. */
export async function readProposalData(folder: string): Promise<ProposalReferenceData> {
  const read = (role: ProposalFileRole) =>
    readFile(path.join(folder, PROPOSAL_FILES[role]), 'utf8');
  const [sdgs, sdgTargets, themes] = await Promise.all([
    read('sdgs'),
    read('sdgTargets'),
    read('themes'),
  ]);
  return parseProposalData({ sdgs, sdgTargets, themes });
}
