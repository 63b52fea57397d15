// What every part of the document is given: the edition view and the tools that print it.
import type { EditionView } from '../../edition/view.js';
import type { Formatter } from '../format.js';
import type { Tables } from '../tables.js';
import type { Wording } from '../templates.js';

export interface PartContext {
  view: Pick<EditionView, 'data' | 'profile' | 'edition' | 'schema' | 'changes' | 'assessment' | 'recordsAnnex' | 'withheld'>;
  wording: Wording;
  format: Formatter;
  tables: Tables;
}
