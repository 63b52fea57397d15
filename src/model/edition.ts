// The two editions of a filing: the one submitted to the regulator, and the public one, in which
// the values the schema or the filer withholds are replaced (see edition/redact.ts).
import type { Filing } from './generated/filing.js';
import { isWithheld, type Withheld } from './withheld.js';

export type Edition = 'submission' | 'public';

/**
 * A value as an edition shows it: in the public edition any value, list or object may stand
 * withheld (a Withheld in its place), and so may anything inside it.
 */
export type Shown<T> = Withheld | (T extends readonly (infer U)[] ? Shown<U>[] : T extends object ? { [K in keyof T]: Shown<T[K]> } : T);

/** The entries of a list as an edition shows it: a list withheld as a whole shows none. */
export function shownEntries<T>(list: Withheld | readonly T[] | undefined): readonly T[] {
  return list === undefined || isWithheld(list) ? [] : list;
}

/** What says whose filing it is and for which year: never withheld (rule publication/withhold-identity). */
type Identity = 'filerType' | 'fiscalYear' | 'submissionDate' | 'profile';

/**
 * The filing as an edition shows it, typed from the schema's own types: every value may stand
 * withheld but the document itself, the filer's name and 法人番号, and what names the year.
 */
export type EditionData = { [K in Exclude<keyof Filing, Identity | 'filer'>]?: Shown<Filing[K]> } & Pick<Filing, Identity> & {
    filer: { [K in Exclude<keyof Filing['filer'], 'name' | 'corporateNumber'>]: Shown<Filing['filer'][K]> } & Pick<
      Filing['filer'],
      'name' | 'corporateNumber'
    >;
  };
