// taisei.config.yaml: per-filing settings (profile transition years, file size limit, rule levels).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { parseYaml } from '../load/parse.js';
import { readSourceFile, DEFAULT_MAX_FILE_MB } from '../load/read.js';
import { SourceMap } from '../load/source-map.js';
import type { Lang } from '../messages/index.js';
import { CONFIG_FILE_NAMES, type Config } from '../model/config.js';
import { checkSchema } from './schema.js';

export type { Config };

export interface LoadedConfig {
  path?: string;
  config: Config;
  diagnostics: Diagnostic[];
}

export function findConfig(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

/** Reads and checks a config file. A broken config is reported and replaced by the defaults. */
export async function loadConfig(path: string | undefined, lang: Lang): Promise<LoadedConfig> {
  if (!path) return { config: {}, diagnostics: [] };
  const read = readSourceFile(path, DEFAULT_MAX_FILE_MB, lang);
  if (read.text === undefined) return { path, config: {}, diagnostics: read.diagnostics };
  const parsed = await parseYaml(read.text, path, lang);
  if (parsed.diagnostics.length > 0) return { path, config: {}, diagnostics: parsed.diagnostics };
  const value = parsed.value ?? {};
  const diagnostics = await checkSchema(value, 'config', lang);
  if (diagnostics.length > 0) {
    const sourceMap = new SourceMap(path);
    sourceMap.addFile(path, read.text);
    await sourceMap.attachPositions(diagnostics);
    return { path, config: {}, diagnostics };
  }
  return { path, config: value as Config, diagnostics: [] };
}
