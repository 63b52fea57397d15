// The two sides of a diff (and last year for build --compare-with, init --from): a filing, directory
// or file, validated; or a bundle, verified first. Both come out normalised as a bundle carries them.
import type { Diagnostic } from '../diagnostics.js';
import { resolveTargets } from '../load/filing.js';
import type { Lang } from '../messages/index.js';
import { getProfile, type Profile } from '../profiles/index.js';
import { validateTarget } from '../validate/index.js';
import { normalised } from '../edition/normalise.js';
import { currentSchemaIndex } from '../model/current-schema.js';
import { readVerifiedBundle } from '../bundle/verify.js';

export interface Side {
  data?: Record<string, unknown>;
  profile?: Profile;
  diagnostics: Diagnostic[];
  /** Where the filing directory is, for carrying attachments forward. */
  baseDir?: string;
  /** A bundle's files, by their path in the bundle. */
  files?: Map<string, Buffer>;
}

export async function loadSide(path: string, lang: Lang, options: { normalise?: boolean } = {}): Promise<Side> {
  const shape = (data: Record<string, unknown>) => (options.normalise === false ? data : normalised(data, currentSchemaIndex()));
  if (/\.zip$/i.test(path)) {
    const bundle = await readVerifiedBundle(path, { lang });
    if (!bundle.ok) return { diagnostics: bundle.diagnostics };
    return {
      data: shape(bundle.filing.filing as unknown as Record<string, unknown>),
      profile: getProfile(bundle.filing.profile),
      diagnostics: bundle.diagnostics,
      files: bundle.files,
    };
  }
  const [target] = resolveTargets([path]).filter((t) => t.kind !== 'config');
  if (!target) return { diagnostics: [] };
  const result = await validateTarget(target, { lang, rules: false });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  // A half-filled new year still diffs: only a filing that could not be read at all cannot.
  const readable = result.loaded?.complete ? result.loaded.data : undefined;
  return { data: readable && shape(readable), profile: result.profile, diagnostics: errors, baseDir: result.loaded?.baseDir };
}
