// The filer type's own words. The data model is labelled in a 一般送配電事業者's words (託送供給等部門);
// a profile's `terms` say what those words are in its legal text (a 送電事業者's 振替供給部門), and
// everything that shows a label to a filer — the PDF, findings, the init skeleton — passes it through
// wordsOf(profile). Nothing else knows which filer type uses which words.
import type { Profile } from './generated/data.js';

export type Words = (text: string) => string;

/** The model's own words: what wordsOf gives a profile without terms (a SchemaIndex then copies nothing). */
export const sameWords: Words = (text) => text;
const cache = new WeakMap<object, Words>();

/** Whether the profile's filer type has words of its own (else the model's are its words). */
export function hasOwnWords(
  profile: Pick<Profile, 'terms'> | undefined,
): profile is Pick<Profile, 'terms'> & { terms: Record<string, string> } {
  return profile?.terms !== undefined && Object.keys(profile.terms).length > 0;
}

/** The profile's wording: each of its terms replaced, the longest first (so a phrase wins over its part). */
export function wordsOf(profile: Pick<Profile, 'terms'> | undefined): Words {
  if (!hasOwnWords(profile)) return sameWords;
  const terms = profile.terms;
  const known = cache.get(profile);
  if (known) return known;
  const keys = Object.keys(terms).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const words: Words = (text) => (text.length === 0 ? text : text.replace(pattern, (m) => terms[m] ?? m));
  cache.set(profile, words);
  return words;
}

/** A rule's legal basis in the profile's legal text: its provision there, or the basis it states. */
export function basisOf(rule: { basis: string; provision?: string }, profile: Pick<Profile, 'provisions'> | undefined): string {
  return (rule.provision && profile?.provisions?.[rule.provision]) || rule.basis;
}

/**
 * A rule's basis in every profile, for documentation that serves all of them: one citation where
 * they agree, else each profile's ("ippan-15, ippan-13: 施行規則第33条の15第2項; soden-13: …").
 */
export function basesOf(rule: { basis: string; provision?: string }, profiles: readonly Profile[]): string {
  const by = new Map<string, string[]>();
  for (const profile of profiles) {
    const basis = basisOf(rule, profile);
    by.set(basis, [...(by.get(basis) ?? []), profile.id]);
  }
  if (by.size <= 1) return [...by.keys()][0] ?? rule.basis;
  return [...by].map(([basis, ids]) => `${ids.join(', ')}: ${basis}`).join('; ');
}
