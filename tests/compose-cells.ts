// Every table cell of a filing's submission PDF, as the composer is asked to set it (text, width,
// size): what the line-count comparison in compose.test.ts runs over.
import { editionView } from '../src/edition/view.js';
import { Composer, type ComposeOptions, type Composed, type Inline } from '../src/render/compose.js';
import { buildDocument } from '../src/render/document.js';
import { composerFaces, defaultFonts } from '../src/render/fonts.js';
import { Wording } from '../src/render/templates.js';
import { validatePaths } from '../src/validate/index.js';

export interface CellText {
  text: string;
  width: number;
  fontSize: number;
}

class Recording extends Composer {
  readonly cells: CellText[] = [];
  override compose(text: string, width: number, fontSize: number, options: ComposeOptions = {}): Composed {
    // the body face only: headers and labels are set in the heading face
    if ((options.face ?? 'Serif') === 'Serif' && text !== '') this.cells.push({ text, width, fontSize });
    return super.compose(text, width, fontSize, options);
  }
}

export async function cellTexts(dir: string): Promise<CellText[]> {
  const result = await validatePaths([dir], { lang: 'en', rules: false });
  const loaded = result.results[0]!.loaded!;
  const profile = result.results[0]!.profile!;
  const view = editionView({ data: loaded.data!, marks: loaded.marks, profile }, 'submission');
  const composer = new Recording(composerFaces(defaultFonts()));
  buildDocument({ ...view, wording: new Wording(profile.id), toolVersion: 'test', composer });
  return composer.cells;
}

/** One call of the composer while a document is built: the text, its face and the lines it was set in. */
export interface Composition {
  text: string;
  face: 'Serif' | 'Sans';
  width: number;
  fontSize: number;
  /** each paragraph's lines, as printed (a paragraph's indent left out) */
  paragraphs: string[][];
}

class Watching extends Composer {
  readonly calls: Composition[] = [];
  override composeLines(text: string, width: number, fontSize: number, options: ComposeOptions = {}): Inline[][] {
    const lines = super.composeLines(text, width, fontSize, options);
    // each paragraph's lines, composed again on its own (the composer breaks paragraphs independently)
    const paragraphs = text.split('\n').map((p) =>
      super.composeLines(p, width, fontSize, options).map((l) =>
        l
          .map((r) => r.text)
          .join('')
          .replace(/^\u3000+/, ''),
      ),
    );
    this.calls.push({ text, face: options.face ?? 'Serif', width, fontSize, paragraphs });
    return lines;
  }
}

/** Every text the composer set while building a filing's edition, with its lines. */
export async function compositions(dir: string, edition: 'submission' | 'public' = 'submission'): Promise<Composition[]> {
  const result = await validatePaths([dir], { lang: 'en', rules: false });
  const loaded = result.results[0]!.loaded!;
  const profile = result.results[0]!.profile!;
  const view = editionView({ data: loaded.data!, marks: loaded.marks, profile }, edition);
  const composer = new Watching(composerFaces(defaultFonts()));
  buildDocument({ ...view, wording: new Wording(profile.id), toolVersion: 'test', composer });
  return composer.calls;
}
