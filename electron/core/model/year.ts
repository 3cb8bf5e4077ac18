/**
 * The one rule for a plan year, used by every way a year comes in: a new plan, a changed year, an import (the
 * exchange schema's minimum and maximum are the same numbers, checked by a test), and next year's rollover.
 * 1945: no plan of this state is older; 2200: far enough ahead, and keeps four-digit years everywhere.
 */
export const MIN_PLAN_YEAR = 1945;
export const MAX_PLAN_YEAR = 2200;

export function isPlanYear(year: unknown): year is number {
  return Number.isInteger(year) && (year as number) >= MIN_PLAN_YEAR && (year as number) <= MAX_PLAN_YEAR;
}
