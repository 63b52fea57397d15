import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentFieldReference } from '../scripts/docs.mjs';
import { ROOT } from './helpers.js';

describe('docs/fields.md', () => {
  it('is in step with the schemas and profiles (run `npm run docs` after changing them)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'fields.md'), 'utf8')).toBe(currentFieldReference(ROOT));
  });
  it('names every section with the item it falls under in each profile', () => {
    const text = readFileSync(join(ROOT, 'docs', 'fields.md'), 'utf8');
    expect(text).toContain('## `logReviews` — アクセス記録の確認の結果');
    expect(text).toMatch(/ippan-15: 三/);
  });
});
