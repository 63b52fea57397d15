// The 2023 business-improvement orders (業務改善命令等, 2023-04-17) and the horizon they set: shared
// systems separated within about three years. The rules, the regulator's comparison and its report
// all measure against these, from here.
import { addDays } from './dates.js';

/** The date of the orders. */
export const ORDERS_DATE = '2023-04-17';

/** The last day of "about three years" after the orders: a separation target after it needs its reason. */
export const SEPARATION_HORIZON = addDays(ORDERS_DATE, 365 * 3 + 1);
