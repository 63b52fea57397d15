// String formats used by the filing schema. The ajv standalone validator imports this module, so
// the same functions run at build-time compilation and at validation time.
import { parseRecurrence } from './recurrence.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO 8601 calendar date (YYYY-MM-DD) that exists in the Gregorian calendar. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * 法人番号: 13 half-width digits whose first digit is the check digit over the other twelve
 * (国税庁: 9 − (Σ Pn × Qn mod 9), Pn counted from the right, Qn = 1 for odd n and 2 for even n).
 */
export function isCorporateNumber(value: string): boolean {
  if (!/^[1-9]\d{12}$/.test(value)) return false;
  return corporateCheckDigit(value.slice(1)) === Number(value[0]);
}

export function corporateCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const formats = {
  date: isDate,
  'corporate-number': isCorporateNumber,
  email: (value: string) => EMAIL.test(value),
  recurrence: (value: string) => parseRecurrence(value) !== undefined,
};
