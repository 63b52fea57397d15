import { describe, expect, it } from 'vitest';
import { corporateCheckDigit, isCorporateNumber, isDate } from '../src/model/formats.js';

describe('法人番号', () => {
  it('accepts numbers whose check digit is right (国税庁: 7000012050002)', () => {
    expect(isCorporateNumber('7000012050002')).toBe(true);
    expect(corporateCheckDigit('000012050002')).toBe(7);
  });
  it('rejects a wrong check digit, wrong length, full-width digits', () => {
    expect(isCorporateNumber('8000012050002')).toBe(false);
    expect(isCorporateNumber('700001205000')).toBe(false);
    expect(isCorporateNumber('７000012050002')).toBe(false);
  });
});

describe('dates', () => {
  it('accept real calendar dates only', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
    expect(isDate('2025-04-31')).toBe(false);
    expect(isDate('2025-4-1')).toBe(false);
    expect(isDate('２０２５-04-01')).toBe(false);
  });
});
