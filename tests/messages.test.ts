// The two catalogs say the same things: same keys, same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { ja } from '../src/messages/ja.js';
import { langFromEnv, t } from '../src/messages/index.js';
import { RULES } from '../src/rules/registry.js';

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .filter((p) => p !== 'plural')
    .sort();

describe('catalogs', () => {
  it('have the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
  it('use the same placeholders for every key', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it('fill placeholders', () => {
    expect(t('ja', 'input.tooLarge', { size: '21.0', limit: 20 })).toBe('ファイルが 21.0 MB あり、上限の 20 MB を超えています');
  });
  it('chooses the language from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ja_JP', LANG: 'en_US' })).toBe('ja');
    expect(langFromEnv({})).toBe('en');
  });
});

describe('an argument with a form per language', () => {
  it('fills the placeholder with the form of the message’s language, else the plain one', async () => {
    const { ruleText } = await import('../src/rules/engine.js');
    const args = { measure: 'x', recurrence: 'half-yearly', 'recurrence@ja': '半期ごと', windows: 'w', missed: 1, due: 2 };
    expect(ruleText('ja', 'assessment/recurrence-evidenced', 'msg.missed', args)).toContain('半期ごと');
    expect(ruleText('en', 'assessment/recurrence-evidenced', 'msg.missed', args)).toContain('recurs half-yearly');
    expect(
      ruleText('ja', 'assessment/recurrence-evidenced', 'msg.missed', { ...args, 'recurrence@ja': undefined as unknown as string }),
    ).toContain('half-yearly');
  });
});

describe("each rule's own wording", () => {
  it('says the same things in both languages, with the same placeholders, and is Japanese in Japanese', () => {
    for (const rule of RULES) {
      const { en: e, ja: j } = rule.messages;
      expect(Object.keys(j.msg).sort(), rule.id).toEqual(Object.keys(e.msg).sort());
      expect(Object.keys(e.msg).length, rule.id).toBeGreaterThan(0);
      for (const part of ['title', 'why', 'fix'] as const) {
        expect(j[part], `${rule.id} ${part}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(placeholders(j[part]), `${rule.id} ${part}`).toEqual(placeholders(e[part]));
      }
      for (const [name, text] of Object.entries(e.msg))
        expect(placeholders(j.msg[name]!), `${rule.id} msg.${name}`).toEqual(placeholders(text));
    }
  });
});
