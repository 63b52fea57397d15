// The render stage: edition views → PDFs. Loaded lazily (its own bundle): nothing on the validate
// path touches pdfmake, fonts or Handlebars. It prints what the view holds and nothing else: the
// public view is redacted before it arrives here.
import type { Diagnostic } from '../diagnostics.js';
import type { EditionView } from '../edition/view.js';
import { t, type Lang } from '../messages/index.js';
import type { Edition } from '../model/edition.js';
import { toPointer } from '../util/pointer.js';
import type { ProgressData } from '../assessment/progress.js';
import { buildDocument } from './document.js';
import { buildProgressDocument } from './progress.js';
import { Composer } from './compose.js';
import { composerFaces, glyphsOf, missingCharacters, renderFonts, type FontFiles } from './fonts.js';
import { renderPdf, type EmbeddedFile } from './pdf.js';
import { TemplateError, Wording } from './templates.js';

export type { Edition };
export { fiscalYearLabel } from './document.js';
export { wareki } from './wareki.js';

/** A file the PDF carries: the bundle's filing.json, assessment.json or progress.json, by the same name and bytes. */
export interface DataFile {
  name: string;
  data: Buffer;
  mediaType: string;
  /** filing, assessment or progress: names its description (template embedded-<role>) and its XMP property. */
  role: string;
}

export interface RenderOptions {
  lang: Lang;
  /** The data each view's PDF carries inside (PDF/A-3 associated files), parallel to the views. */
  embedded?: readonly (readonly DataFile[])[];
  fonts: FontFiles;
  templatesDir?: string;
  toolVersion: string;
  /** The progress report of each view (build --document progress), parallel to the views, and its date. */
  progress?: { data: readonly ProgressData[]; date: string };
  /** Called with -1 when layout starts, then with 0..1 while pages are drawn. */
  onProgress?: (edition: Edition, fraction: number) => void;
}

export interface RenderResult {
  /** One PDF per view, in the views' order (none when there are diagnostics). */
  pdfs: Buffer[];
  diagnostics: Diagnostic[];
}

/** Every string value with its pointer. */
function* strings(value: unknown, path: (string | number)[] = []): Generator<[string, string]> {
  if (typeof value === 'string') yield [toPointer(path), value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Characters the fonts cannot draw, as diagnostics on the values that contain them. */
export function checkGlyphs(data: Record<string, unknown>, fonts: FontFiles, lang: Lang): Diagnostic[] {
  const faces = [glyphsOf(fonts.body)];
  const fallback = () => glyphsOf(fonts.fallback);
  const out: Diagnostic[] = [];
  const known = new Map<number, boolean>();
  for (const [pointer, text] of strings(data)) {
    for (const ch of missingCharacters(text, faces, known, fallback)) {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({
        code: 'render/missing-glyph',
        severity: 'error',
        pointer,
        message: t(lang, 'render.missingGlyph', { char: ch, code }),
        hint: t(lang, 'render.missingGlyph.hint'),
      });
    }
  }
  return out;
}

/** The PDF of each view. A broken template is a diagnostic, not a crash. */
export async function renderViews(views: readonly EditionView[], options: RenderOptions): Promise<RenderResult> {
  const pdfs: Buffer[] = [];
  try {
    if (views.length === 0) return { pdfs, diagnostics: [] };
    const wording = new Wording(views[0]!.profile.id, options.templatesDir);
    const composer = new Composer(composerFaces(options.fonts));
    for (const [i, view] of views.entries()) {
      const progress = options.progress?.data[i];
      const doc = progress
        ? buildProgressDocument({ ...view, wording, toolVersion: options.toolVersion, composer, progress, date: options.progress!.date })
        : buildDocument({ ...view, wording, toolVersion: options.toolVersion, composer });
      const embedded = (options.embedded?.[i] ?? []).map((file): EmbeddedFile => ({
        name: file.name,
        data: file.data,
        mediaType: file.mediaType,
        description: wording.text(`embedded-${file.role}`, { name: file.name, edition: view.edition === 'public' }),
        key: file.role,
      }));
      options.onProgress?.(view.edition, -1);
      pdfs.push(
        await renderPdf(doc, renderFonts(options.fonts), options.onProgress && ((f) => options.onProgress!(view.edition, f)), embedded),
      );
    }
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return {
      pdfs: [],
      diagnostics: [
        {
          code: 'render/template',
          severity: 'error',
          file: error.file,
          message: t(options.lang, 'render.template', { template: error.template, detail: error.detail }),
          hint: t(options.lang, 'render.template.hint'),
        },
      ],
    };
  }
  return { pdfs, diagnostics: [] };
}
