// The fixed wording of the PDF, from Handlebars templates (templates/): a filer can override any of
// them with --templates. User values inserted into a template are plain text: Handlebars does not
// evaluate the output again, and HTML escaping is off because the output is PDF text.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type HandlebarsType from 'handlebars';
import { PRECOMPILED } from '../model/generated/templates.js';
import { packageRoot } from '../util/package.js';

const require = createRequire(import.meta.url);
type Handlebars = typeof HandlebarsType;
// The runtime serves the shipped templates, precompiled by the build; the compiler is loaded only
// for a template that is not (an override from --templates, or a shipped file edited since).
let runtime: Handlebars | undefined;
let compiler: Handlebars | undefined;
const handlebarsRuntime = () => (runtime ??= (require('handlebars/runtime') as { default: Handlebars }).default.create());
const handlebarsCompiler = () => (compiler ??= (require('handlebars') as Handlebars).create());

export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'TemplateError';
  }
}

export class Wording {
  private readonly compiled = new Map<string, HandlebarsType.TemplateDelegate>();

  constructor(
    private readonly profileId: string,
    private readonly overrideDir?: string,
  ) {}

  /** Where a template is read from: the override folder first, then the shipped ones. */
  locate(name: string): string {
    const builtIn = join(packageRoot(), 'templates');
    const candidates = [
      ...(this.overrideDir ? [join(this.overrideDir, this.profileId, `${name}.hbs`), join(this.overrideDir, `${name}.hbs`)] : []),
      join(builtIn, this.profileId, `${name}.hbs`),
      join(builtIn, 'default', `${name}.hbs`),
    ];
    const found = candidates.find((path) => existsSync(path));
    if (!found) throw new TemplateError(name, candidates[candidates.length - 1]!, 'missing');
    return found;
  }

  text(name: string, data: Record<string, unknown> = {}): string {
    let template = this.compiled.get(name);
    if (!template) {
      const file = this.locate(name);
      try {
        const source = readFileSync(file, 'utf8');
        const shipped = PRECOMPILED[relative(join(packageRoot(), 'templates'), file).split(sep).join('/')];
        if (shipped && shipped.source === source)
          template = handlebarsRuntime().template(shipped.spec as Parameters<Handlebars['template']>[0]);
        else {
          template = handlebarsCompiler().compile(source, { noEscape: true, strict: false });
          template({}); // surface parse errors here, with the file name
        }
      } catch (error) {
        throw new TemplateError(name, file, (error as Error).message.split('\n')[0]!);
      }
      this.compiled.set(name, template);
    }
    return template(data).replace(/\r?\n$/, '');
  }
}
