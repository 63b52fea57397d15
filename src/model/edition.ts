// The two editions of a filing: the one submitted to the regulator, and the public one, in which
// the values the schema or the filer withholds are replaced (see edition/redact.ts).
export type Edition = 'submission' | 'public';
