import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown, rulesTable } from '../src/rules/docs.js';
import { RULES } from '../src/rules/registry.js';
// @ts-expect-error — a plain ESM build script without type declarations
import { readmeWithRules } from '../scripts/docs.mjs';
import { ROOT } from './helpers.js';

describe('rules documentation', () => {
  it('docs/rules.md and the README table are in step with the rules (run `npm run build && npm run docs`)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown());
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readmeWithRules(readme, rulesTable())).toBe(readme);
    for (const rule of RULES) expect(readme).toContain(`\`${rule.id}\``);
  });
});
