// The internal-control catalogue: the regulator's six areas and seventeen check items, as data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const catalogue = read('catalogues/internal-control.json') as {
  areas: { id: string }[];
  items: { id: string; area: string; appliesTo: string[]; starred?: boolean; ja: string; viewpoints: unknown[] }[];
};

describe('catalogues/internal-control.json', () => {
  it('is valid against its schema, and the schema rejects a broken entry', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(read('schemas/internal-control-catalogue.schema.json'));
    expect(validate(catalogue), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(catalogue);
    delete (broken.items[0] as Partial<(typeof broken.items)[0]>).viewpoints;
    broken.items[1]!.appliesTo = ['retail'];
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/items/0', '/items/1/appliesTo/0']));
  });

  it('has six areas and seventeen check items, four of them ★ for 一般送配電事業者 only', () => {
    expect(catalogue.areas).toHaveLength(6);
    expect(catalogue.items).toHaveLength(17);
    const starred = catalogue.items.filter((i) => i.starred);
    expect(starred.map((i) => i.id)).toEqual(['RA-2', 'IT-2', 'IT-3', 'MO-1']);
    for (const item of starred) expect(item.appliesTo).toEqual(['general-td']);
    for (const item of catalogue.items.filter((i) => !i.starred)) expect(item.appliesTo).toEqual(['general-td', 'transmission']);
  });

  it('places every item in a known area, with unique ids and at least one viewpoint', () => {
    const areas = new Set(catalogue.areas.map((a) => a.id));
    for (const item of catalogue.items) expect(areas.has(item.area), item.id).toBe(true);
    expect(new Set(catalogue.items.map((i) => i.id)).size).toBe(catalogue.items.length);
    // every area holds at least one item
    for (const area of areas)
      expect(
        catalogue.items.some((i) => i.area === area),
        area,
      ).toBe(true);
    for (const item of catalogue.items) expect(item.ja).toMatch(/か。$/);
  });
});

describe('schema version 2 and the catalogue', () => {
  const selfAssessment = read('schemas/2/selfAssessment.schema.json');
  const plan = read('schemas/2/improvementPlan.schema.json');

  it('keys the self-assessment by exactly the catalogue’s check items, titled with their text and ★', () => {
    expect(Object.keys(selfAssessment.properties)).toEqual(catalogue.items.map((i) => i.id));
    for (const item of catalogue.items) {
      expect(selfAssessment.properties[item.id].title).toBe(`${item.id}${item.starred ? '★' : ''} ${item.ja}`);
    }
    expect(plan.items.properties.checkItems.items.enum).toEqual(catalogue.items.map((i) => i.id));
  });

  it('offers the catalogue’s areas, with their Japanese names, to the improvement plan', () => {
    const area = plan.items.properties.area;
    expect(area.enum).toEqual(catalogue.areas.map((a) => a.id));
    expect(area.enumDescriptions).toEqual((catalogue.areas as { ja: string }[]).map((a) => a.ja));
  });
});
