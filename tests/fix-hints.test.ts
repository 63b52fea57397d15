// Every finding says how to fix it, in the reader's terms: what is wanted (a date as YYYY-MM-DD, one
// of the values, an id), whether the key may go instead, and for a wrong 法人番号 what the check found.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../src/validate/index.js';
import { HEADER, runCli, tempDir, writeTree } from './helpers.js';

async function findings(yaml: string, lang: 'en' | 'ja' = 'en') {
  const dir = writeTree({ 'filing.yaml': yaml });
  return (await validatePaths([dir], { lang, rules: false })).diagnostics;
}

describe('the fix of a finding', () => {
  it('is given for every finding of a fresh init, and says what is wanted there', () => {
    const dir = join(tempDir(), 'fresh');
    expect(runCli(['init', dir, '--fiscal-year', '2025']).status).toBe(0);
    const { diagnostics } = JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout) as {
      diagnostics: { code: string; hint?: string; pointer?: string }[];
    };
    expect(diagnostics.length).toBeGreaterThan(100);
    expect(diagnostics.filter((d) => !d.hint)).toEqual([]);
    const hint = (pointer: RegExp) => diagnostics.find((d) => pointer.test(d.pointer ?? ''))?.hint;
    expect(hint(/^\/logReviews\/0\/reviewed$/)).toBe(
      'this key is required: write a date as YYYY-MM-DD with half-width digits (e.g. 2025-06-20)',
    );
    expect(hint(/^\/systems\/0\/id$/)).toContain('an id of half-width letters and digits');
    expect(hint(/^\/systems\/0\/accessLog\/reviewFrequency$/)).toContain('one of: monthly (毎月)');
    // a generic "write text here" no longer stands for most of them
    const generic = diagnostics.filter((d) => d.hint === 'this key is required: write one line of text').length;
    expect(generic / diagnostics.length).toBeLessThan(0.3);
  });

  it('tells an optional key from a required one', async () => {
    const [optional] = await findings(HEADER + 'addressee:\n');
    expect(optional!.hint).toBe('write one line of text, or remove the key: it is optional');
    const [required] = (await findings(HEADER.replace('address: 東雲県湊市中央一丁目1番1号', 'address:'))).filter(
      (d) => d.pointer === '/filer/address',
    );
    expect(required!.hint).toBe('this key is required: write one line of text');
  });

  it('explains yes and no, a list with no entries, and a wrong 法人番号', async () => {
    const yesNo = await findings(HEADER + 'systems:\n  - id: SYS-01\n    name: x\n    purpose: x\n    holdsNonPublic: yes\n');
    expect(yesNo.find((d) => d.pointer === '/systems/0/holdsNonPublic')!.hint).toBe(
      'YAML 1.2 reads "yes" as text, not as yes or no: write true or false',
    );
    const empty = await findings(
      HEADER + 'rules:\n  - id: R-1\n    title: x\n    established: 2020-04-01\n    scope: []\n    summary: x\n',
    );
    expect(empty.find((d) => d.code === 'schema/min-items')!.hint).toMatch(
      /^add 1 or more entries, each a line starting with "- " under the key \(one of: directors/,
    );
    const number = await findings(HEADER.replace('"9010401199001"', '"1010401199001"'));
    expect(number.find((d) => d.pointer === '/filer/corporateNumber')!.hint).toContain('it would be 9, not 1');
    const short = await findings(HEADER.replace('"9010401199001"', '"90104011990"'));
    expect(short.find((d) => d.pointer === '/filer/corporateNumber')!.hint).toBe('a 法人番号 has 13 half-width digits; this has 11');
    const ja = await findings(HEADER + 'addressee:\n', 'ja');
    expect(ja[0]!.hint).toBe('1行の文字列を書くか、省略できる項目なのでキーごと削除してください');
  });
});
