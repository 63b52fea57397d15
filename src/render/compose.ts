import type { WithheldShape } from '../model/withheld.js';

// Line composition after JIS X 4051, done before layout so that pdfmake has nothing left to decide.
// Text is cut into units that must not split (a date, a number with its unit, a Latin word or ID,
// a run of leaders, a span the formatter marked: an enum label such as 適正でない), glued where
// 禁則 forbids a break (行頭禁則 characters stick to what precedes them, 行末禁則 ones to what
// follows), and broken between any two clusters that fit. A closing punctuation mark whose blank
// half would overflow by at most half an em is pushed in (追い込み) rather than carrying a
// character over. Every line but a paragraph's last is justified (両端揃え) by spreading the
// remaining width over its characters, as one character spacing per line. Widths come from the
// faces' own advance widths; the faces used (BIZ UD) do not kern, so the sum of advances is what
// pdfkit draws. Pure: no pdfmake, tested on its own.

/** A face's advance widths, in ems; undefined where it has no glyph. */
export interface FaceMetrics {
  advance(codePoint: number): number | undefined;
}

/** The pdfmake font family of each face (see fonts.ts). */
export type FaceName = 'Serif' | 'Sans';

export interface Faces {
  Serif: FaceMetrics;
  Sans: FaceMetrics;
  /** Drawn where a face has no glyph (rare 異体字 in names: 𠮷). */
  fallback?: FaceMetrics;
}

/**
 * Lines as one list of runs: each run but a line's last is marked to stay with the next
 * (noNewLine), and the last run of each line but the last to end it (lineEnd) — the renderer copies
 * a run's properties onto the word it makes of it — so no "\n" run, and no pass of a line breaker
 * (UAX #14), is needed between lines (engine.ts).
 */
export function joinLines(lines: Inline[][]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    const runs = line.length > 0 ? line : [{ text: '', noWrap: true }];
    const last = runs.length - 1;
    const end = i < lines.length - 1;
    runs.forEach((run, j) => out.push(j < last ? { ...run, noNewLine: true } : end ? { ...run, lineEnd: true } : run));
  });
  if (out.length > 0) composed.add(out[0]!);
  return out;
}

/** The first run of each text joinLines made: the renderer takes their runs as the words they are. */
const composed = new WeakSet<object>();

/** Whether a run begins a text the composer set (joinLines): its runs need no further breaking. */
export function isComposed(run: unknown): boolean {
  return typeof run === 'object' && run !== null && composed.has(run);
}

/** What the composer hands to pdfmake: one or more runs per line, lines separated by "\n" runs. */
export interface Inline {
  text: string;
  noWrap?: boolean;
  characterSpacing?: number;
  font?: string;
  fontSize?: number;
  color?: string;
  background?: string;
  preserveLeadingSpaces?: boolean;
  preserveTrailingSpaces?: boolean;
  /** the last run of a line (see joinLines) */
  lineEnd?: true;
  /** a run the next one of its line follows (see joinLines) */
  noNewLine?: true;
}

// Spans the formatter marks: never split unless wider than a line (a verdict, a date, an id)…
export const KEEP_OPEN = '\ue002';
export const KEEP_CLOSE = '\ue003';
// …or kept whole unless that leaves the line before loosely spaced (a label in a list of labels)…
export const LIST_OPEN = '\ue004';
export const LIST_CLOSE = '\ue005';
// …and a withheld value, carried as the widths of what it hides (see barToken).
export const BAR_OPEN = '\ue000';
export const BAR_CLOSE = '\ue001';

/** A span that must not split. */
export function keep(text: string): string {
  return text === '' ? '' : `${KEEP_OPEN}${text}${KEEP_CLOSE}`;
}

/** A label in a list: kept whole where that costs no loose line. */
export function keepInList(text: string): string {
  return text === '' ? '' : `${LIST_OPEN}${text}${LIST_CLOSE}`;
}

/**
 * The shape of a withheld text, all a redaction bar is drawn from: per paragraph, its clusters, each
 * the widths (ems) and UTF-16 lengths of its characters, and whether it may break inside.
 */
export type Shape = WithheldShape;

type BarCluster = Shape['paragraphs'][number][number];

export function barToken(shape: Shape): string {
  const cluster = (c: BarCluster) =>
    `${c.kind === 'hard' ? 'h' : c.kind === 'keep' ? 'k' : c.kind === 'soft' ? 's' : ''}${c.chars.map(([w, n, flags]) => `${w.toFixed(4)}:${n}${flags ? `:${flags}` : ''}`).join(' ')}`;
  // a paragraph break in the hidden text stays one, so the bar takes the lines the text took
  return shape.paragraphs.map((p) => `${BAR_OPEN}${shape.key}|${p.map(cluster).join(',')}${BAR_CLOSE}`).join('\n');
}

function parseBar(token: string): BarCluster[] {
  const payload = token.slice(token.indexOf('|') + 1);
  return payload === ''
    ? []
    : payload.split(',').map((c) => {
        const kind = c[0] === 'h' ? ('hard' as const) : c[0] === 'k' ? ('keep' as const) : c[0] === 's' ? ('soft' as const) : undefined;
        const chars = (kind ? c.slice(1) : c).split(' ').map((x) => {
          const [w, n, flags] = x.split(':');
          return [Number(w), Number(n), flags ?? ''] as [number, number, string];
        });
        return { ...(kind ? { kind } : {}), chars };
      });
}

// May not start a line (行頭禁則): closing brackets, punctuation, small kana, ー, iteration marks.
export const NO_LINE_START =
  /[、。，．・：；？！ー～）〕］｝〉》」』】〙〗ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ々〻ゝゞヽヾ‐゠–〜!),.:;?\]}%％]/;
// May not end a line (行末禁則): opening brackets.
export const NO_LINE_END = /[（〔［｛〈《「『【〘〖([{]/;
// Closing marks whose glyph sits in one half of the em: their blank half may overflow the line.
const SQUEEZABLE = /[、。，．）」』】〕〉》]$/;
const SPACE = /^[ \u3000]$/;

/** One piece of a line: text in a face, or a redaction bar. */
interface Unit {
  text: string;
  /** ems */
  w: number;
  /** UTF-16 length (what pdfmake counts for character spacing) */
  n: number;
  fallback?: boolean;
  bar?: boolean;
  space?: boolean;
  /** inside a marked span: the span may break before this unit (where its own text could) */
  cut?: boolean;
  /** a bar's character: what 禁則 and spacing need to know of the character it hides (see flagsOf) */
  flags?: string;
}

// What a bar keeps of each character it hides, so that it breaks as the character would:
// c a label may break before it, s a space, b it may not start a line, e it may not end one,
// q its blank half may overflow the line.
function flagsOf(u: Unit, ch: string, first: boolean): string {
  return `${first && u.cut ? 'c' : ''}${SPACE.test(ch) ? 's' : ''}${NO_LINE_START.test(ch) ? 'b' : ''}${NO_LINE_END.test(ch) ? 'e' : ''}${SQUEEZABLE.test(ch) ? 'q' : ''}`;
}
const noStart = (u: Unit) => (u.bar ? u.flags?.includes('b') === true : NO_LINE_START.test(u.text[0] ?? ''));
const noEnd = (u: Unit) => (u.bar ? u.flags?.includes('e') === true : NO_LINE_END.test(u.text[u.text.length - 1] ?? ''));
const squeezable = (u: Unit) => (u.bar ? u.flags?.includes('q') === true : SQUEEZABLE.test(u.text));

type ClusterKind = 'hard' | 'keep' | 'soft';

/** Units that must stay on one line; lines break between clusters. */
interface Cluster {
  units: Unit[];
  w: number;
  /**
   * hard: a long Latin run, broken anywhere if wider than a line; keep: a marked span (a verdict),
   * broken at its own break points only if wider than a line; soft: a label in a list, broken so
   * also where keeping it whole would leave the line before it loosely spaced
   */
  kind?: ClusterKind;
}

/** The most a justified line is stretched, per gap between characters (ems). */
export const MAX_STRETCH = 0.25;

/** Character spacing (ems) beyond which a line is loose: a label breaks rather than leave it so. */
const LOOSE = MAX_STRETCH;

// Units that must not split, tried in order at each position.
const DATE =
  /(?:令和|平成|昭和|大正)?(?:元|[0-9０-９]{1,4})年度?(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?|[0-9０-９]{1,2}月[0-9０-９]{1,2}日/y;
const ASCII_RUN = /[\x21-\x7e]+/y;
const WIDE_NUMBER = /[０-９]+(?:[，．：][０-９]+)*/y;
const UNIT_AFTER_NUMBER = /(?:か月|ヶ月|カ月|ヵ月|か所|箇所|ヶ所|[年月日時分秒件名人回台社号条項円万千億部室階棟点倍割％])/y;
const LEADERS = /[…‥]+|[―─]{2,}/y;

// Words a line never splits, found in any text (a filer's as well as the formatter's), and kept as
// a marked span is: a company's legal form (株式会社), a provision's number (第17号, 第二十三条),
// a code of parts joined by hyphens (東雲送配-規-101), a short Latin prefix of a katakana word
// (eラーニング). Longer than a line, such a span still breaks where its own text may.
const UNBREAKABLE = new RegExp(
  [
    '(?:株式|合同|有限|合名|合資)会社',
    '(?:一般|公益)(?:社団|財団)法人',
    '第[0-9０-９]{1,3}(?:条|号|項)(?:の[0-9０-９]{1,2})?',
    '第[一二三四五六七八九十百]{1,5}(?:条|号|項)(?:の[一二三四五六七八九十]{1,3})?',
    // parts of kanji, katakana, Latin letters and digits (not kana: a sentence goes on in hiragana);
    // the first part of one script only, so that a code never takes in the word before it
    '(?:[\\p{Script=Han}\\p{Script=Katakana}]{1,6}|[A-Za-z0-9０-９]{1,8})(?:-[\\p{Script=Han}\\p{Script=Katakana}A-Za-z0-9０-９]{1,8}){1,4}',
    '(?<![A-Za-z])[A-Za-z]{1,2}[ァ-ヺー]{2,}',
  ].join('|'),
  'gu',
);
const MARKED = /[\ue000-\ue005]/;

/** Whether a text is one unbreakable word and nothing else (a marked span's text: 株式会社, IDカード). */
function isUnbreakableWord(text: string): boolean {
  UNBREAKABLE.lastIndex = 0;
  const m = UNBREAKABLE.exec(text);
  return m !== null && m.index === 0 && m[0].length === text.length && !/^[\x21-\x7e]+$/.test(text);
}

/** Clusters as one: a word with no break point of its own. */
function merged(clusters: Cluster[]): Cluster[] {
  if (clusters.length <= 1) return clusters;
  return [{ units: clusters.flatMap((c) => c.units), w: clusters.reduce((n, c) => n + c.w, 0) }];
}

/** The paragraph with every unbreakable word marked as a span kept whole (outside spans already marked). */
function unbreakable(paragraph: string): string {
  if (MARKED.test(paragraph)) {
    // only the plain stretches between marked spans (a bar's payload, a verdict) are looked into
    return paragraph.replace(/([^\ue000-\ue005]+)|([\ue000\ue002\ue004][^]*?[\ue001\ue003\ue005])/g, (m, plain: string | undefined) =>
      plain === undefined ? m : unbreakable(plain),
    );
  }
  UNBREAKABLE.lastIndex = 0;
  if (!UNBREAKABLE.test(paragraph)) return paragraph;
  // a word that is the whole text is that text (a marked span's own, looked into again): left plain
  return paragraph.replace(UNBREAKABLE, (word) =>
    /^[\x21-\x7e]+$/.test(word) || word.length === paragraph.length ? word : `${KEEP_OPEN}${word}${KEEP_CLOSE}`,
  );
}

export class Composer {
  constructor(readonly faces: Faces) {}

  private width(text: string, face: FaceName): { w: number; fallback: boolean } {
    const metrics = this.faces[face];
    let w = 0;
    let fallback = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const a = metrics.advance(cp);
      if (a !== undefined) w += a;
      else {
        fallback = true;
        w += this.faces.fallback?.advance(cp) ?? 1;
      }
    }
    return { w, fallback };
  }

  private unit(text: string, face: FaceName): Unit {
    // one character (most units): its width straight from the table
    if (text.length === 1) {
      const cp = text.charCodeAt(0);
      const a = this.faces[face].advance(cp);
      const unit: Unit = { text, w: a ?? this.faces.fallback?.advance(cp) ?? 1, n: 1 };
      if (a === undefined) unit.fallback = true;
      if (cp === 0x20 || cp === 0x3000) unit.space = true;
      return unit;
    }
    const { w, fallback } = this.width(text, face);
    const unit: Unit = { text, w, n: text.length };
    if (fallback) unit.fallback = true;
    if (SPACE.test(text)) unit.space = true;
    return unit;
  }

  /** A paragraph (no newline) as clusters. */
  private readonly cache = { Serif: new Map<string, Cluster[]>(), Sans: new Map<string, Cluster[]>() };

  /** A paragraph's clusters, computed once per text (the same labels and sentences recur in every row). */
  private clusters(paragraph: string, face: FaceName): Cluster[] {
    const cache = this.cache[face];
    let found = cache.get(paragraph);
    if (found === undefined) {
      found = isUnbreakableWord(paragraph) ? merged(this.clustersOf(paragraph, face)) : this.clustersOf(unbreakable(paragraph), face);
      if (cache.size > 50_000) cache.clear();
      cache.set(paragraph, found);
    }
    return found;
  }

  private clustersOf(paragraph: string, face: FaceName): Cluster[] {
    const out: Cluster[] = [];
    let glueNext = false;
    const push = (units: Unit[], kind?: ClusterKind) => {
      if (units.length === 0) return;
      const first = units[0]!;
      const last = units[units.length - 1]!;
      const glue = out.length > 0 && (glueNext || first.space === true || noStart(first));
      // a space after an opening bracket does not end its hold on what follows
      if (!last.space) glueNext = noEnd(last);
      let w = 0;
      for (const u of units) w += u.w;
      if (glue) {
        const prev = out[out.length - 1]!;
        for (const u of units) prev.units.push(u);
        prev.w += w;
        if (kind && !prev.kind) prev.kind = kind;
      } else {
        const cluster: Cluster = { units, w };
        if (kind) cluster.kind = kind;
        out.push(cluster);
      }
    };
    const chars = paragraph;
    let i = 0;
    while (i < chars.length) {
      const ch = chars[i]!;
      if (ch === KEEP_OPEN || ch === LIST_OPEN) {
        const end = chars.indexOf(ch === KEEP_OPEN ? KEEP_CLOSE : LIST_CLOSE, i + 1);
        const inner = chars.slice(i + 1, end < 0 ? undefined : end);
        i = end < 0 ? chars.length : end + 1;
        // a marked span is one cluster (禁則 still applies at its edges) that remembers where its
        // own text could break
        const units = this.clusters(inner, face).flatMap((c, k) => c.units.map((u, m) => (k > 0 && m === 0 ? { ...u, cut: true } : u)));
        push(units, ch === KEEP_OPEN ? 'keep' : 'soft');
        continue;
      }
      if (ch === BAR_OPEN) {
        const end = chars.indexOf(BAR_CLOSE, i + 1);
        const shape = parseBar(chars.slice(i + 1, end < 0 ? undefined : end));
        i = end < 0 ? chars.length : end + 1;
        // the hidden text's paragraphs run on here as one (a bar never starts a paragraph of its own)
        for (const c of shape)
          push(
            c.chars.map(([w, n, flags]) => ({
              text: '',
              w,
              n,
              bar: true,
              flags,
              ...(flags.includes('c') ? { cut: true } : {}),
              ...(flags.includes('s') ? { space: true } : {}),
            })),
            c.kind,
          );
        continue;
      }
      const matched = this.match(chars, i);
      if (matched !== undefined) {
        push(this.splitFallback(matched, face), matched.length > 1 && /[\x21-\x7e]/.test(matched[0]!) ? 'hard' : undefined);
        i += matched.length;
        continue;
      }
      const cp = chars.codePointAt(i)!;
      const one = String.fromCodePoint(cp);
      push([this.unit(one, face)]);
      i += one.length;
    }
    return out;
  }

  /** A run that must not split, as units (a character the face lacks gets a unit of its own). */
  private splitFallback(text: string, face: FaceName): Unit[] {
    const whole = this.unit(text, face);
    if (!whole.fallback) return [whole];
    const units: Unit[] = [];
    let run = '';
    for (const ch of text) {
      if (this.faces[face].advance(ch.codePointAt(0)!) === undefined) {
        if (run) units.push(this.unit(run, face));
        units.push(this.unit(ch, face));
        run = '';
      } else run += ch;
    }
    if (run) units.push(this.unit(run, face));
    return units;
  }

  private match(text: string, at: number): string | undefined {
    // only a digit, an era's first character, an ASCII character or a leader can start a run
    const c = text.charCodeAt(at);
    const ascii = c >= 0x21 && c <= 0x7e;
    const wideDigit = c >= 0xff10 && c <= 0xff19;
    if (
      !ascii &&
      !wideDigit &&
      c !== 0x4ee4 &&
      c !== 0x5e73 &&
      c !== 0x662d &&
      c !== 0x5927 &&
      c !== 0x5143 &&
      c !== 0x2026 &&
      c !== 0x2025 &&
      c !== 0x2015 &&
      c !== 0x2500
    )
      return undefined;
    for (const re of [DATE, ASCII_RUN, WIDE_NUMBER, LEADERS]) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) continue;
      let s = m[0];
      if (re !== LEADERS && /^[0-9０-９][0-9０-９,.:/，．：]*$/.test(s)) {
        UNIT_AFTER_NUMBER.lastIndex = at + s.length;
        const u = UNIT_AFTER_NUMBER.exec(text);
        if (u) s += u[0];
      }
      if (s.length > 1 || re === ASCII_RUN) return s;
    }
    return undefined;
  }

  /** What a redaction bar for `text` is drawn from (see Shape). */
  shape(text: string, key: number, face: FaceName = 'Serif'): Shape {
    const paragraphs = text.split('\n').map((p) =>
      this.clusters(p, face).map((c) => ({
        ...(c.kind ? { kind: c.kind } : {}),
        chars: c.units.flatMap((u): [number, number, string][] =>
          u.bar
            ? [[u.w, u.n, u.flags ?? '']]
            : u.fallback || u.text.length <= 1
              ? [[u.w, u.n, flagsOf(u, u.text, true)]]
              : [...u.text].map((ch, k) => [this.unit(ch, face).w, ch.length, flagsOf(u, ch, k === 0)]),
        ),
      })),
    );
    return { key, paragraphs };
  }

  /** The widest cluster and the widest paragraph of a text, in points: what a column needs at least and at most. */
  extent(text: string, fontSize: number, face: FaceName = 'Serif'): Extent {
    let min = 0;
    let max = 0;
    const paragraphs: number[] = [];
    for (const paragraph of text.split('\n')) {
      let total = 0;
      for (const c of this.clusters(paragraph, face)) {
        total += c.w;
        // a long Latin run or marked span may break inside; it asks for no more than eight ems
        min = Math.max(min, c.kind ? Math.min(c.w, 8) : c.w);
      }
      // a short paragraph (a verdict, a kind of business) is kept on one line, and a longer one is
      // not squeezed below four characters a line
      min = Math.max(min, total <= 6 ? total : 4);
      max = Math.max(max, total);
      paragraphs.push(total * fontSize);
    }
    return { min: min * fontSize, max: max * fontSize, paragraphs };
  }

  /**
   * Text broken into lines no wider than `width` points. Newlines separate paragraphs; every line
   * but a paragraph's last is justified when `justify` is set; `indent` (ems) starts each paragraph.
   */
  compose(text: string, width: number, fontSize: number, options: ComposeOptions = {}): Composed {
    const lines = this.composeLines(text, width, fontSize, options);
    return { inlines: joinLines(lines), lines: lines.length };
  }

  /** The natural width (points) of each line the text would be set in. */
  lineWidths(text: string, width: number, fontSize: number, options: ComposeOptions = {}): number[] {
    const face = options.face ?? 'Serif';
    const out: number[] = [];
    for (const paragraph of text.split('\n')) {
      const indent = options.indent && paragraph !== '' ? options.indent : 0;
      this.breakLines(this.clusters(paragraph, face), width / fontSize, indent, face, options.justify ?? true).forEach((line, i) =>
        out.push((line.reduce((s, u) => s + u.w, 0) + (i === 0 ? indent : 0)) * fontSize),
      );
    }
    return out;
  }

  /** The same, line by line (for a paragraph that may break across pages only between chosen lines). */
  composeLines(text: string, width: number, fontSize: number, options: ComposeOptions = {}): Inline[][] {
    const face = options.face ?? 'Serif';
    const justify = options.justify ?? true;
    const out: Inline[][] = [];
    const W = width / fontSize; // in ems
    for (const paragraph of text.split('\n')) {
      const indent = options.indent && paragraph !== '' ? options.indent : 0;
      const broken = this.breakLines(this.clusters(paragraph, face), W, indent, face, justify);
      broken.forEach((line, i) => {
        const first = i === 0 ? indent : 0;
        out.push(this.lineInlines(line, (W - first) * fontSize, fontSize, face, justify && i < broken.length - 1, first));
      });
    }
    return out;
  }

  private breakLines(clusters: Cluster[], W: number, indent: number, face: FaceName, justify = true): Unit[][] {
    const lines: Unit[][] = [];
    let line: Unit[] = [];
    let used = indent;
    let avail = W;
    const flush = () => {
      lines.push(trimEnd(line));
      line = [];
      used = 0;
    };
    const add = (units: Unit[]) => {
      line.push(...units);
    };
    for (const c of clusters) {
      if (used + trailingTrimmed(c) <= avail + 1e-6) {
        add(c.units);
        used += c.w;
        continue;
      }
      // 追い込み: a closing mark's blank half may hang over the end of the line
      const lastUnit = c.units[c.units.length - 1]!;
      if (line.length > 0 && squeezable(lastUnit) && used + c.w - 0.5 <= avail + 1e-6) {
        add(c.units);
        used += c.w;
        continue;
      }
      // a label that would leave this line loose breaks where its own text can
      const room = avail - used;
      const loose = line.length > 0 && c.kind === 'soft' && room / Math.max(1, line.reduce((n, u) => n + u.n, 0) - 1) > LOOSE;
      if (c.w <= avail + 1e-6 && !loose) {
        if (line.length > 0) flush();
        add(c.units);
        used = c.w;
        continue;
      }
      // wider than a whole line (or a label on a loose line): break it, starting where the line
      // stands (禁則 still kept), so that no line is left short before it
      const pieces = this.splitCluster(c, avail, face, room);
      pieces.forEach((piece, k) => {
        if (k > 0 || used + piece.w > avail + 1e-6) {
          if (line.length > 0) flush();
        }
        add(piece.units);
        used += piece.w;
      });
    }
    if (line.length > 0 || lines.length === 0) flush();
    // a paragraph's last line of one or two characters, or any such line where lines are not justified (a header)
    if (lines.length > 1 && (isShort(lines[lines.length - 1]!) || (!justify && lines.some((l) => isShort(l)))))
      return (
        balanced(clusters, W, indent, justify, lines, (u) =>
          u.bar || u.fallback || u.text.length <= 1 ? [u] : [...u.text].map((ch) => this.unit(ch, face)),
        ) ?? lines
      );
    return lines;
  }

  /**
   * A cluster cut into pieces that each fit, the first in `first`: a label at its own break points,
   * anything else (or a part of a label still too wide) between characters, never a 禁則 pair apart.
   */
  private splitCluster(c: Cluster, avail: number, face: FaceName, first = avail): Cluster[] {
    // a label is cut at its own break points only to spare a line (soft); wider than a line, it fills
    // them; a kept span wider than a line (a long verdict) breaks where its own text may, so that
    // what may never split inside it (第13号) does not
    const byParts = c.kind === 'keep' ? c.units.some((u) => u.cut) : c.kind === 'soft' && c.w <= avail + 1e-6;
    if (!byParts) return this.charSplit(c.units, avail, face, first);
    const segments = segmentsAtCuts(c.units);
    const pieces: Cluster[] = [];
    let cur: Unit[] = [];
    let w = 0;
    for (let k = 0; k < segments.length; k++) {
      const seg = segments[k]!;
      const sw = seg.reduce((s, u) => s + u.w, 0);
      const room = pieces.length === 0 ? first : avail;
      if (w + sw <= room + 1e-6) {
        cur.push(...seg);
        w += sw;
        continue;
      }
      if (sw <= avail + 1e-6) {
        pieces.push({ units: cur, w });
        cur = [...seg];
        w = sw;
        continue;
      }
      // a part wider than a line: the rest goes character by character from where this piece stands
      const rest = this.charSplit([...cur, ...segments.slice(k).flat()], avail, face, room);
      return [...pieces, ...rest];
    }
    pieces.push({ units: cur, w });
    return pieces;
  }

  private charSplit(units: Unit[], avail: number, face: FaceName, first: number): Cluster[] {
    const chars: Unit[] = [];
    for (const u of units) {
      if (u.bar || u.fallback || u.text.length <= 1) chars.push(u);
      else for (const ch of u.text) chars.push(this.unit(ch, face));
    }
    const pieces: Cluster[] = [];
    let cur: Unit[] = [];
    let w = 0;
    for (const u of chars) {
      const room = pieces.length === 0 ? first : avail;
      if (w + u.w > room + 1e-6 && (cur.length > 0 || pieces.length === 0)) {
        // carry the last character along if this one may not start a line, or that one may not end
        // it; the first piece may be left empty (the cluster then starts on the next line)
        const keepOne = pieces.length === 0 ? 0 : 1;
        const carry: Unit[] = [];
        if (noStart(u) && cur.length > keepOne) carry.push(cur.pop()!);
        while (cur.length > keepOne && noEnd(cur[cur.length - 1]!)) carry.unshift(cur.pop()!);
        pieces.push({ units: cur, w: cur.reduce((s, x) => s + x.w, 0) });
        cur = carry;
        w = carry.reduce((s, x) => s + x.w, 0);
      }
      cur.push(u);
      w += u.w;
    }
    if (cur.length > 0) pieces.push({ units: cur, w });
    return pieces;
  }

  /** One line as pdfmake runs: merged by kind, justified by one character spacing. */
  private lineInlines(units: Unit[], width: number, fontSize: number, face: FaceName, justify: boolean, indent: number): Inline[] {
    const runs: { kind: 'text' | 'fallback' | 'bar'; text: string; w: number; n: number }[] = [];
    for (const u of units) {
      const kind = u.bar ? 'bar' : u.fallback ? 'fallback' : 'text';
      const last = runs[runs.length - 1];
      if (last && last.kind === kind && kind !== 'fallback') {
        last.text += u.text;
        last.w += u.w;
        last.n += u.n;
      } else runs.push({ kind, text: u.text, w: u.w, n: u.n });
    }
    // the paragraph indent: full-width spaces of their own (outside the width being justified)
    const lead: Inline[] =
      indent > 0
        ? [{ text: '\u3000'.repeat(Math.round(indent)), noWrap: true, preserveLeadingSpaces: true, preserveTrailingSpaces: true } as Inline]
        : [];
    if (runs.length === 0) return lead.length > 0 ? lead : [{ text: '', noWrap: true }];
    const natural = runs.reduce((s, r) => s + r.w, 0) * fontSize;
    const stretch = runs.reduce((s, r) => s + Math.max(0, r.n - 1), 0);
    // compress a line that overflows (追い込み), stretch a justified one; a safety margin keeps
    // pdfmake from wrapping the last run for a rounding error
    const slack = width - 0.01 - natural;
    let spacing = stretch > 0 && (justify || slack < 0) ? round(slack / stretch) : 0;
    // a line that would need more than a small stretch (a date or an ID carried over, a label alone
    // on its line) is set flush left rather than spread: a careful 公用文 never shows a label spread as 「開 始」 across its cell
    if (spacing > MAX_STRETCH * fontSize) spacing = 0;
    return [
      ...lead,
      ...runs.map((r) => {
        const inline: Inline = { text: r.text, noWrap: true };
        if (r.kind === 'bar') {
          // a black bar as wide as the hidden text: n squares drawn black on black; a value alone on
          // its line fills the line, so that not even its length shows (its breaks are the text's)
          const alone = runs.length === 1 && lead.length === 0;
          const target = alone ? width - 0.01 : r.w * fontSize + spacing * Math.max(0, r.n - 1);
          const count = Math.max(1, r.n);
          inline.text = '■'.repeat(count);
          inline.color = 'black';
          inline.background = 'black';
          const square = this.faces[face].advance(0x25a0) ?? 1;
          if (count === 1) inline.fontSize = round(target / square);
          else inline.characterSpacing = round((target - count * square * fontSize) / (count - 1));
          return inline;
        }
        if (r.kind === 'fallback') inline.font = 'Fallback';
        if (spacing !== 0 && r.n > 1) inline.characterSpacing = spacing;
        return inline;
      }),
    ];
  }
}

/** What a text needs of a column: its widest unbreakable cluster, its widest paragraph, every paragraph's width (points). */
export interface Extent {
  min: number;
  max: number;
  paragraphs: number[];
}

export interface ComposeOptions {
  face?: FaceName;
  /** default true */
  justify?: boolean;
  /** ems of indent at the start of each paragraph (全角一字下げ: 1) */
  indent?: number;
}

export interface Composed {
  inlines: Inline[];
  lines: number;
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** The characters of a line that count against a widow: neither closing punctuation nor space. */
function coreLength(units: readonly Unit[]): number {
  let n = 0;
  for (const u of units) {
    if (u.bar) n += u.flags?.includes('q') || u.flags?.includes('s') ? 0 : 1;
    else for (const ch of u.text) if (!SQUEEZABLE.test(ch) && !SPACE.test(ch)) n++;
  }
  return n;
}

/**
 * A line's character spacing when justified to `avail` ems (ems per gap between characters): the
 * same for a line and for its public edition, whose bars are runs of their own, so that both break alike.
 */
function stretchOf(units: readonly Unit[], avail: number): number {
  let w = 0;
  let n = 0;
  for (const u of units) {
    w += u.w;
    n += u.n;
  }
  return n > 1 ? (avail - w) / (n - 1) : Infinity;
}

/** The fewest characters a paragraph's last line of more than one is left with (JIS X 4051's 泣き別れ of a line's end). */
const WIDOW = 2;

/**
 * A cluster as clusters of one unit each, but for what 禁則 holds together; a kept span with break
 * points of its own (a long verdict) only at those, so that what may never split inside it does not.
 */
function byCharacter(c: Cluster, W: number, characters: (u: Unit) => Unit[]): Cluster[] {
  const segments = c.kind === 'keep' && c.units.some((u) => u.cut) ? segmentsAtCuts(c.units) : [c.units];
  const out: Cluster[] = [];
  for (const segment of segments) {
    // a segment that fits stays whole; a wider one goes character by character
    const whole = segment.reduce((n, u) => n + u.w, 0) <= W + 1e-6 && segments.length > 1;
    const units = whole ? segment : segment.flatMap(characters);
    units.forEach((u, k) => {
      const prev = out[out.length - 1];
      if (prev && ((whole && k > 0) || noStart(u) || noEnd(prev.units[prev.units.length - 1]!) || u.space)) {
        prev.units.push(u);
        prev.w += u.w;
      } else out.push({ units: [u], w: u.w });
    });
  }
  return out;
}

/** A marked span's units in the parts its own text may break between (each cut starts one). */
function segmentsAtCuts(units: readonly Unit[]): Unit[][] {
  const segments: Unit[][] = [];
  for (const u of units) {
    if (u.cut || segments.length === 0) segments.push([]);
    segments[segments.length - 1]!.push(u);
  }
  return segments;
}

/** A line of one or two characters (punctuation aside) in a paragraph of more than one: 「進めてい / る。」 */
function isShort(line: readonly Unit[]): boolean {
  const core = coreLength(line);
  return core > 0 && core <= WIDOW;
}

/**
 * A paragraph that greedy filling leaves with a line of one or two characters, broken again over all
 * its break points (as TeX breaks a paragraph): the fewest lines, then the fewest short lines, then
 * the fewest lines too loose to justify within MAX_STRETCH (set flush left: 「配電工事受付 / システム」
 * in a narrow cell, rather than 「…システ / ム」), then the most even spacing. Undefined where no
 * better breaking exists, or where a cluster is wider than a line (that paragraph keeps its greedy
 * breaks).
 */
function balanced(
  given: Cluster[],
  W: number,
  indent: number,
  justify: boolean,
  greedy: Unit[][],
  characters: (u: Unit) => Unit[],
): Unit[][] | undefined {
  // a span wider than a line may break between any two of its characters that 禁則 lets part, as
  // the greedy breaker's charSplit does (so a bar breaks as the text it hides)
  const clusters = given.flatMap((c) => (c.w > W - indent + 1e-6 ? byCharacter(c, W, characters) : [c]));
  const n = clusters.length;
  if (n > 400) return undefined;
  type Cost = [lines: number, short: number, loose: number, slack: number];
  const best: (Cost | undefined)[] = Array.from({ length: n + 1 }, () => undefined);
  const next: number[] = Array.from({ length: n + 1 }, () => n);
  best[n] = [0, 0, 0, 0];
  const less = (a: Cost, b: Cost | undefined) => {
    if (b === undefined) return true;
    for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
    return a[3] < b[3] - 1e-9;
  };
  for (let i = n - 1; i >= 0; i--) {
    const avail = W - (i === 0 ? indent : 0);
    const units: Unit[] = [];
    for (let j = i + 1; j <= n; j++) {
      const c = clusters[j - 1]!;
      units.push(...c.units);
      const line = trimEnd(units);
      let w = 0;
      for (const u of line) w += u.w;
      const last = line[line.length - 1];
      // 追い込み as the greedy breaker allows it: a closing mark's blank half over the end
      if (w > avail + 1e-6 && !(last !== undefined && squeezable(last) && w - 0.5 <= avail + 1e-6)) break;
      const rest = best[j];
      if (rest === undefined) continue;
      const final = j === n;
      const loose = !final && justify && stretchOf(line, avail) > MAX_STRETCH + 1e-9;
      const whole = i === 0 && final;
      const cost: Cost = [
        1 + rest[0],
        (!whole && isShort(line) ? 1 : 0) + rest[1],
        (loose ? 1 : 0) + rest[2],
        (final ? 0 : (avail - w) ** 2) + rest[3],
      ];
      if (less(cost, best[i])) {
        best[i] = cost;
        next[i] = j;
      }
    }
  }
  const found = best[0];
  const shortBefore = greedy.filter((l) => isShort(l)).length;
  if (found === undefined || found[0] > greedy.length || found[1] >= shortBefore) return undefined;
  const out: Unit[][] = [];
  for (let i = 0; i < n; i = next[i]!) out.push(trimEnd(clusters.slice(i, next[i]).flatMap((c) => c.units)));
  return out;
}

function trailingTrimmed(c: Cluster): number {
  let w = c.w;
  for (let i = c.units.length - 1; i >= 0 && c.units[i]!.space; i--) w -= c.units[i]!.w;
  return w;
}

function trimEnd(line: Unit[]): Unit[] {
  let end = line.length;
  while (end > 0 && line[end - 1]!.space) end--;
  return end === line.length ? line : line.slice(0, end);
}
