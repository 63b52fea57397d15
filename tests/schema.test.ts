// The schema is the one source of field labels: every property must carry a Japanese title.
import { describe, expect, it } from 'vitest';
import { filingSchema } from '../src/model/generated/schema-bundle.js';
import { SchemaIndex, type SchemaNode } from '../src/model/schema-index.js';
import { schemaErrors } from '../src/validate/schema.js';

const root = filingSchema(1) as SchemaNode;
const index = new SchemaIndex(root);

function walk(
  node: SchemaNode | undefined,
  path: string,
  visit: (path: string, node: SchemaNode) => void,
  seen = new Set<SchemaNode>(),
): void {
  const n = index.resolve(node);
  if (!n || seen.has(n)) return;
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    const resolved = index.resolve(child)!;
    visit(`${path}.${key}`, resolved);
    walk(child, `${path}.${key}`, visit, new Set([...seen, n]));
  }
  if (n.items) walk(n.items, `${path}[]`, visit, new Set([...seen, n]));
}

describe('filing schema', () => {
  it('gives every property a Japanese title, and every enum a label per value', () => {
    let count = 0;
    walk(root, '', (path, node) => {
      count++;
      if (node.title !== 'ID') expect(node.title, path).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const values = node.enum ?? index.resolve(node.items)?.enum;
      const labels = node.enum ? node.enumDescriptions : index.resolve(node.items)?.enumDescriptions;
      if (values) expect(labels?.length, path).toBe(values.length);
    });
    expect(count).toBeGreaterThan(150);
  });

  it('accepts a minimal header and rejects unknown top-level keys', () => {
    const header = {
      filer: { name: 'x', corporateNumber: '7000012050002', address: 'y', representative: { title: 't', name: 'n' } },
      filerType: 'general-td',
      fiscalYear: 2024,
      submissionDate: '2025-06-20',
    };
    expect(schemaErrors(header, 'filing')).toEqual([]);
    expect(schemaErrors({ ...header, extra: 1 }, 'filing').map((e) => e.keyword)).toEqual(['additionalProperties']);
    expect(schemaErrors({ rules: [] }, 'section')).toEqual([]);
    expect(schemaErrors({ rules: [] }, 'filing').map((e) => e.keyword)).toContain('required');
  });

  it('requires the action when a correction was taken and the reason when it was not', () => {
    const base = { id: 'C-1', finding: 'F-1' };
    expect(schemaErrors({ complianceCorrections: [{ ...base, outcome: 'taken', action: '是正した' }] }, 'section')).toEqual([]);
    expect(schemaErrors({ complianceCorrections: [{ ...base, outcome: 'not-taken', reason: '理由' }] }, 'section')).toEqual([]);
    expect(
      schemaErrors({ complianceCorrections: [{ ...base, outcome: 'taken', reason: '理由' }] }, 'section').map(
        (e) => (e.params as { missingProperty?: string }).missingProperty,
      ),
    ).toContain('action');
    expect(
      schemaErrors({ complianceCorrections: [{ ...base, outcome: 'not-taken' }] }, 'section').map(
        (e) => (e.params as { missingProperty?: string }).missingProperty,
      ),
    ).toContain('reason');
  });
});

describe('the published bundles, for editors', () => {
  it('carry Japanese errorMessage and patternErrorMessage where the YAML language server shows them', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const bundle = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'schemas', '4', 'section.bundle.schema.json'), 'utf8'));
    const common = bundle.$defs.common.$defs;
    expect(common.date.errorMessage).toBe('YYYY-MM-DD 形式の半角の日付で書いてください（例: 2025-06-20）');
    expect(common.id.patternErrorMessage).toContain('SYS-01');
    expect(common.verdict.errorMessage).toBe('次のいずれかを書いてください: appropriate（適正）、not-appropriate（適正でない）');
    expect(common.count.errorMessage).toBe('整数を書いてください');
  });
});
