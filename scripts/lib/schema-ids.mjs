// Released schema versions. A version, once released, is never edited: a new version gets a new
// folder under schemas/ so that bundles written with an older one stay verifiable.
export const SCHEMA_VERSIONS = [1];
export const CURRENT_VERSION = 1;
export const bundleId = (version) => `https://taisei.dev/schemas/${version}/filing.bundle.schema.json`;
export const partId = (version) => `https://taisei.dev/schemas/${version}/section.bundle.schema.json`;
