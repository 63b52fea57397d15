// Line breaking for Japanese text. pdfmake breaks lines where UAX #14 allows, which for Japanese
// is between almost any two characters. We hand it phrases instead (文節-like runs: a word with the
// kana and punctuation that follow it), so that a line breaks between phrases, numbers stay with
// their units, and 禁則 holds by construction: no phrase starts with a closing bracket, 、。 or a
// small kana, and none ends with an opening bracket. This also makes layout several times faster.
// Runs too long for one line fall back to character breaking (CJK) or break-all (Latin).

export interface Inline {
  text: string;
  noWrap?: boolean;
  wordBreak?: 'break-all';
}

const HIRAGANA = /[\u3041-\u309f]/;
// May not start a line (行頭禁則): closing brackets, punctuation, small kana, prolonged sound mark, iteration marks.
export const NO_LINE_START =
  /[、。，．・：；？！ー～）〕］｝〉》」』】〙〗ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ々〻ゝゞヽヾ‐゠–〜!),.:;?\]}%％]/;
// May not end a line (行末禁則): opening brackets.
export const NO_LINE_END = /[（〔［｛〈《「『【〘〖([{]/;
// Of those, the ones inside a word (リモート, ショップ, 人々): no phrase ends after them on their account.
const WORD_INTERNAL = /[ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ々〻ゝゞヽヾ]/;
const SPACE = /\s/;
const LATIN = /^[\x21-\x7e]+$/;
const DIGIT = /[0-9０-９]/;

function boundaryBefore(prev: string, cur: string): boolean {
  if (NO_LINE_START.test(cur)) return false; // includes the comma and period inside 10,000 or 1.5
  if (NO_LINE_END.test(prev)) return false;
  if (SPACE.test(prev) && !SPACE.test(cur)) return true;
  if (NO_LINE_END.test(cur)) return true;
  if (HIRAGANA.test(prev) && !HIRAGANA.test(cur)) return true;
  if (NO_LINE_START.test(prev) && !WORD_INTERNAL.test(prev) && !DIGIT.test(cur)) return true;
  if (/[年月]/.test(prev) && DIGIT.test(cur)) return true; // 令和6年|12月|17日
  return false;
}

/**
 * Splits one line of text (no newlines) into phrases; concatenating them gives the line back.
 * A phrase wider than `maxEms` (it would not fit its column) may break inside.
 */
export function phrases(line: string, maxEms = 14): Inline[] {
  const chars = [...line];
  const runs: string[] = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const cur = chars[i]!;
    if (current !== '' && boundaryBefore(chars[i - 1]!, cur)) {
      runs.push(current);
      current = '';
    }
    current += cur;
  }
  if (current !== '') runs.push(current);
  return runs.map((text) => {
    if (widthInEms(text) <= maxEms) return { text, noWrap: true };
    return LATIN.test(text.trim()) ? { text, wordBreak: 'break-all' } : { text };
  });
}

/**
 * A conservative estimate of a line's width in ems: full-width characters count 1, everything else
 * 0.62 (wider than the Latin glyphs of the Noto faces), so an estimate that fits really fits.
 */
export function widthInEms(line: string): number {
  let width = 0;
  for (const ch of line) width += ch.charCodeAt(0) < 0x2000 || (ch >= '\uff61' && ch <= '\uff9f') ? 0.62 : 1;
  return width;
}

/**
 * Text with line breaks kept: phrases per line, with a newline run between lines. A line that
 * certainly fits within `maxEms` is one unbreakable run (fewer runs make layout much faster).
 */
export function paragraphInlines(text: string, maxEms?: number): Inline[] {
  const out: Inline[] = [];
  if (maxEms !== undefined && !text.includes('\n') && widthInEms(text) <= maxEms) return [{ text, noWrap: true }];
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push({ text: '\n' });
    out.push(...phrases(line, maxEms));
  });
  return out;
}

// A number with its unit, and any punctuation that may not start a line after it.
const NUMBER_WITH_UNIT = /[0-9０-９][0-9０-９,.，．]*(?:か月|ヶ月|カ月|[年月日時分秒件名人回台社号条項%％])?[、。，．）」』】〕]*/g;

/**
 * Running text (paragraphs): lines filled to the margin, breaking between characters where UAX #14
 * allows (which keeps 行頭・行末禁則), while a number stays with its unit.
 */
export function proseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push({ text: '\n' });
    let last = 0;
    for (const m of line.matchAll(NUMBER_WITH_UNIT)) {
      if (m.index > last) out.push({ text: line.slice(last, m.index) });
      out.push({ text: m[0], noWrap: true });
      last = m.index + m[0].length;
    }
    if (last < line.length || line === '') out.push({ text: line.slice(last) });
  });
  return out;
}

/** Width of a text in points at a font size (from the font's advance widths). */
export type Measure = (text: string, fontSize: number) => number;

/**
 * Breaks text into lines no wider than `width`, between phrases; a phrase wider than a line breaks
 * between characters, and a character that may not start a line takes the one before it along
 * (追い出し). Returns the lines as unbreakable runs separated by newline runs, so the layout engine
 * has nothing left to decide — which is also what keeps very long tables fast and small in memory.
 */
export function brokenLines(text: string, width: number, fontSize: number, measure: Measure): Inline[] {
  const out: Inline[] = [];
  const emit = (line: string) => {
    if (out.length > 0) out.push({ text: '\n' });
    out.push({ text: line, noWrap: true });
  };
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const { text: phrase } of phrases(paragraph, Number.POSITIVE_INFINITY)) {
      const w = measure(phrase, fontSize);
      if (lineWidth + w <= width) {
        line += phrase;
        lineWidth += w;
        continue;
      }
      if (line !== '' && w <= width) {
        emit(line);
        line = phrase;
        lineWidth = w;
        continue;
      }
      // The phrase does not fit on a line of its own: break it between characters.
      for (const ch of phrase) {
        const cw = measure(ch, fontSize);
        if (lineWidth + cw <= width || line === '') {
          line += ch;
          lineWidth += cw;
          continue;
        }
        let carried = '';
        if (NO_LINE_START.test(ch)) {
          const chars = [...line];
          if (chars.length > 1) carried = chars.pop()!;
          line = chars.join('');
        }
        while (line !== '' && NO_LINE_END.test([...line].pop()!) && [...line].length > 1) {
          const chars = [...line];
          carried = chars.pop()! + carried;
          line = chars.join('');
        }
        emit(line);
        line = carried + ch;
        lineWidth = measure(line, fontSize);
      }
    }
    emit(line);
  }
  return out;
}
