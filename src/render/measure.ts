// Text widths from the body font's own advance widths (fontkit), so that lines can be broken
// before layout. A small allowance covers kerning the layout engine may apply to Latin pairs.
import { openFontWithMetrics } from './fonts.js';
import type { Measure } from './phrases.js';

const ALLOWANCE = 1.02;

export function fontMeasure(path: string): Measure {
  const font = openFontWithMetrics(path);
  const perEm = font.unitsPerEm;
  const advance = new Map<number, number>();
  const em = (cp: number): number => {
    let a = advance.get(cp);
    if (a === undefined) {
      a = font.glyphForCodePoint(cp).advanceWidth / perEm;
      advance.set(cp, a);
    }
    return a;
  };
  return (text, fontSize) => {
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      total += em(cp);
    }
    return total * fontSize * ALLOWANCE;
  };
}
