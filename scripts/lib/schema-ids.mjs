// Released schema versions. A version, once released, is never edited. A new version's folder under
// schemas/ holds only the files that differ from the version it builds on (BASES); the build reads
// the base first and lays the new files over it, so the unchanged sections are not copied.
export const SCHEMA_VERSIONS = [1, 2, 3, 4];
export const CURRENT_VERSION = 4;
export const BASES = { 2: 1, 3: 2, 4: 3 };
export const bundleId = (version) => `https://taisei.dev/schemas/${version}/filing.bundle.schema.json`;
export const partId = (version) => `https://taisei.dev/schemas/${version}/section.bundle.schema.json`;
