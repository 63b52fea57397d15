// taisei.config.yaml as data: its type (generated from schemas/config.schema.json) and its file names.
// Reading and checking it is validate's work (validate/config.ts).
export type { Config } from './generated/data.js';

/** The names a filing's configuration file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['taisei.config.yaml', 'taisei.config.yml'];
