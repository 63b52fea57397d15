// The render stage: a validated filing → PDF editions. Loaded lazily (its own bundle): nothing on
// the validate path touches pdfmake, fonts or Handlebars.
import type { Diagnostic } from '../diagnostics.js';
import { filingSchemas } from '../generated/schema-bundle.js';
import { CURRENT_SCHEMA_VERSION } from '../generated/schemas.js';
import type { Mark } from '../model/marks.js';
import { t, type Lang } from '../messages/index.js';
import type { Profile } from '../profiles/index.js';
import { toPointer } from '../util/pointer.js';
import { SchemaIndex, type SchemaNode } from '../model/schema-index.js';
import { buildDocument, type Edition } from './document.js';
import { fontDescriptors, missingCharacters, openFont, type FontFiles } from './fonts.js';
import { renderPdf } from './pdf.js';
import { fontMeasure } from './measure.js';
import { redact } from '../edition/redact.js';
import { diffFilings, type FilingDiff } from '../diff/index.js';
import { withDefaults } from '../model/defaults.js';
import { evaluate } from '../assessment/evaluate.js';
import { hasAssessment } from '../assessment/summary.js';
import { TemplateError, Wording } from './templates.js';

export type { Edition };
export { fiscalYearLabel } from './document.js';
export { wareki } from './wareki.js';

export interface RenderOptions {
  lang: Lang;
  editions: Edition[];
  fonts: FontFiles;
  templatesDir?: string;
  toolVersion: string;
  /** Last year's filing (normalised): the PDF gets an appendix of the changes. */
  previous?: Record<string, unknown>;
  /** The appendix 参考資料 with the self-assessment and the readiness score (default: shown when the filing has one). */
  assessmentAppendix?: boolean;
  /** Called with -1 when layout starts, then with 0..1 while pages are drawn. */
  onProgress?: (edition: Edition, fraction: number) => void;
}

export interface RenderedEdition {
  edition: Edition;
  pdf: Buffer;
  /** The filing as rendered in this edition (the public one with withheld values replaced). */
  data: Record<string, unknown>;
  /** JSON pointers of the values withheld (public edition). */
  withheld: string[];
  /** The changes from last year shown in the appendix (redacted in the public edition). */
  changes?: FilingDiff;
}

export interface RenderResult {
  editions: RenderedEdition[];
  diagnostics: Diagnostic[];
  schema: SchemaIndex;
}

function schemaIndex(): SchemaIndex {
  return new SchemaIndex(filingSchemas[CURRENT_SCHEMA_VERSION] as SchemaNode);
}

/** Every string value with its pointer. */
function* strings(value: unknown, path: (string | number)[] = []): Generator<[string, string]> {
  if (typeof value === 'string') yield [toPointer(path), value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Characters the fonts cannot draw, as diagnostics on the values that contain them. */
export function checkGlyphs(data: Record<string, unknown>, fonts: FontFiles, lang: Lang): Diagnostic[] {
  const faces = [openFont(fonts.body), openFont(fonts.heading)];
  const out: Diagnostic[] = [];
  const known = new Map<number, boolean>();
  for (const [pointer, text] of strings(data)) {
    for (const ch of missingCharacters(text, faces, known)) {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({ code: 'render/missing-glyph', severity: 'error', pointer, message: t(lang, 'render.missingGlyph', { char: ch, code }), hint: t(lang, 'render.missingGlyph.hint') });
    }
  }
  return out;
}

export async function renderEditions(data: Record<string, unknown>, marks: ReadonlyMap<string, Mark>, profile: Profile, options: RenderOptions): Promise<RenderResult> {
  const schema = schemaIndex();
  const diagnostics = checkGlyphs(data, options.fonts, options.lang);
  if (diagnostics.length > 0) return { editions: [], diagnostics, schema };
  const wording = new Wording(profile.id, options.templatesDir);
  const measure = fontMeasure(options.fonts.body);
  const editions: RenderedEdition[] = [];
  try {
    for (const edition of options.editions) {
      const view = edition === 'public' ? redact(data, schema, marks) : { data, withheld: [] };
      let changes: FilingDiff | undefined;
      if (options.previous) {
        // the public edition compares redacted views: a withheld value never shows, old or new
        const before = edition === 'public' ? redact(options.previous, schema, new Map()).data : options.previous;
        const root = schema.at([]);
        const normal = (d: Record<string, unknown>) => {
          const { profile: _explicit, ...rest } = withDefaults(d, root, schema) as Record<string, unknown>;
          return rest;
        };
        changes = diffFilings(normal(before), normal(view.data), profile);
      }
      const assessment = options.assessmentAppendix !== false && hasAssessment(view.data) ? evaluate(view.data) : undefined;
      const doc = buildDocument({ data: view.data, profile, edition, wording, schema, toolVersion: options.toolVersion, measure, changes, assessment });
      options.onProgress?.(edition, -1);
      const pdf = await renderPdf(doc, fontDescriptors(options.fonts), options.onProgress && ((f) => options.onProgress!(edition, f)));
      editions.push({ edition, pdf, data: view.data, withheld: view.withheld, ...(changes ? { changes } : {}) });
    }
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { schema, editions: [], diagnostics: [{ code: 'render/template', severity: 'error', file: error.file, message: t(options.lang, 'render.template', { template: error.template, detail: error.detail }), hint: t(options.lang, 'render.template.hint') }] };
  }
  return { editions, diagnostics: [], schema };
}
