// Dates in the Japanese era (令和7年6月20日), from ISO 8601 dates, in Asia/Tokyo.

const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'Asia/Tokyo',
});

export interface EraDate {
  era: string;
  /** "元" for the first year of an era, as formal documents write it. */
  year: string;
  month: string;
  day: string;
}

export function eraDate(iso: string): EraDate {
  const date = new Date(`${iso}T00:00:00+09:00`);
  const get = (type: string) => parts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const year = get('year');
  return { era: get('era'), year: year === '1' ? '元' : year, month: get('month'), day: get('day') };
}

/** 令和7年6月20日 */
export function wareki(iso: string): string {
  const d = eraDate(iso);
  return `${d.era}${d.year}年${d.month}月${d.day}日`;
}
