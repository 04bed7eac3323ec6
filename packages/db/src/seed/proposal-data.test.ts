// Validation of the SDG, target and theme files, on in-memory texts.
import { describe, expect, it } from 'vitest';
import { SeedDataError } from './csv';
import { parseProposalData } from './proposal-data';

const valid = {
  sdgs: 'number,name,name_fr\n11,Sustainable cities and communities,Villes et communautés durables\n',
  sdgTargets:
    'code,text\n11.4,Strengthen efforts to protect and safeguard the world’s cultural and natural heritage\n11.a,"Support positive economic, social and environmental links"\n',
  themes: 'slug,name,name_fr,position\neducation,Education,Éducation,1\n',
};

describe('parseProposalData', () => {
  it('reads goals, targets in file order per goal, and themes', () => {
    const data = parseProposalData(valid);
    expect(data.sdgs).toEqual([
      {
        number: 11,
        name: 'Sustainable cities and communities',
        nameFr: 'Villes et communautés durables',
      },
    ]);
    expect(data.sdgTargets.map(({ code, goal, position }) => ({ code, goal, position }))).toEqual([
      { code: '11.4', goal: 11, position: 1 },
      { code: '11.a', goal: 11, position: 2 },
    ]);
    expect(data.themes).toEqual([
      { slug: 'education', name: 'Education', nameFr: 'Éducation', position: 1 },
    ]);
  });

  it('names the line of a target whose goal is not listed', () => {
    const texts = {
      ...valid,
      sdgTargets: `${valid.sdgTargets}4.7,Education for sustainable development\n`,
    };
    expect(() => parseProposalData(texts)).toThrow(SeedDataError);
    expect(() => parseProposalData(texts)).toThrow('sdg-targets.csv, line 4, column "code"');
  });

  it('refuses a malformed code and a repeated theme', () => {
    expect(() => parseProposalData({ ...valid, sdgTargets: 'code,text\n11-4,x\n' })).toThrow(
      'line 2, column "code"',
    );
    expect(() =>
      parseProposalData({ ...valid, themes: `${valid.themes}education,Again,Encore,2\n` }),
    ).toThrow('"education" is already on line 2');
  });
});
