// The 2023 business-improvement orders (業務改善命令等, 2023-04-17) and the horizon they set: shared
// systems separated within about three years. The rules, the regulator's comparison and its report
// all measure against these, from here.

/** The date of the orders. */
export const ORDERS_DATE = '2023-04-17';

/**
 * The last day of "about three years" after the orders (365 × 3 + 1 days, 2024 being a leap year):
 * a separation target after it needs its reason. Written out, not computed at every start;
 * tests/structure.test.ts holds it to the arithmetic.
 */
export const SEPARATION_HORIZON = '2026-04-17';
