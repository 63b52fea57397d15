// Profiles map the one data model onto the numbered items of one legal text. They are data
// (profiles/*.json); this module only looks them up and picks the one in force.
import { profiles, type Profile, type Config } from '../model/generated/data.js';
import type { Diagnostic } from '../diagnostics.js';
import { hasKey, t, type Lang } from '../messages/index.js';

export type { Profile, Config };
export type ProfileItem = Profile['items'][number];
export type FilerType = Profile['filerType'];

export function filerTypeLabel(lang: Lang, filerType: string): string {
  const key = `filerType.${filerType}`;
  return hasKey(key) ? t(lang, key) : filerType;
}

export function allProfiles(): readonly Profile[] {
  return profiles;
}

export function getProfile(id: string): Profile | undefined {
  return profiles.find((p) => p.id === id);
}

/** First fiscal year a profile applies to, after any override from taisei.config.yaml. */
export function effectiveYears(profile: Profile, starts: Config['profileStart'] = {}): { from?: number; to?: number } {
  return { from: starts?.[profile.id] ?? profile.fiscalYears.from, to: profile.fiscalYears.to };
}

/** The profile in force for a filer type and fiscal year: in range, and not superseded by another in range. */
export function defaultProfile(filerType: string, fiscalYear: number, starts: Config['profileStart'] = {}): Profile | undefined {
  const inRange = profiles.filter((p) => {
    if (p.filerType !== filerType) return false;
    const { from, to } = effectiveYears(p, starts);
    return (from === undefined || fiscalYear >= from) && (to === undefined || fiscalYear <= to);
  });
  return inRange.find((p) => !inRange.some((q) => q.supersedes === p.id));
}

export interface ProfileChoice {
  profile?: Profile;
  diagnostics: Diagnostic[];
}

/** Picks the filing's profile: explicit `profile:` wins; otherwise the one in force. */
export function chooseProfile(data: Record<string, unknown>, lang: Lang, starts: Config['profileStart'] = {}): ProfileChoice {
  const filerType = typeof data.filerType === 'string' ? data.filerType : undefined;
  const fiscalYear = typeof data.fiscalYear === 'number' ? data.fiscalYear : undefined;
  const label = (type: string) => filerTypeLabel(lang, type);
  const inForce = filerType && fiscalYear !== undefined ? defaultProfile(filerType, fiscalYear, starts) : undefined;
  const diagnostics: Diagnostic[] = [];
  if (typeof data.profile === 'string') {
    const profile = getProfile(data.profile);
    // An unknown name is already a schema (enum) finding; nothing more to say here.
    if (!profile) return { diagnostics };
    if (filerType && profile.filerType !== filerType) {
      const allowed = profiles
        .filter((p) => p.filerType === filerType)
        .map((p) => p.id)
        .join(', ');
      diagnostics.push({
        code: 'profile/filer-type-mismatch',
        severity: 'error',
        pointer: '/profile',
        message: t(lang, 'profile.filerTypeMismatch', {
          profile: profile.id,
          expected: label(profile.filerType),
          actual: label(filerType),
        }),
        hint: t(lang, 'profile.filerTypeMismatch.hint', { allowed }),
      });
    } else if (inForce && inForce.id !== profile.id && fiscalYear !== undefined) {
      diagnostics.push({
        code: 'profile/not-in-force',
        severity: 'warning',
        pointer: '/profile',
        message: t(lang, 'profile.notInForce', {
          profile: profile.id,
          year: fiscalYear,
          filerType: label(filerType ?? profile.filerType),
          suggested: inForce.id,
        }),
        hint: t(lang, 'profile.notInForce.hint'),
      });
    }
    return { profile, diagnostics };
  }
  // An unknown filer type is a schema (enum) finding already.
  if (filerType && fiscalYear !== undefined && !inForce && profiles.some((p) => p.filerType === filerType)) {
    diagnostics.push({
      code: 'profile/none',
      severity: 'error',
      pointer: '/filerType',
      message: t(lang, 'profile.none', { filerType: label(filerType), year: fiscalYear }),
      hint: t(lang, 'profile.none.hint'),
    });
  }
  return { profile: inForce, diagnostics };
}
