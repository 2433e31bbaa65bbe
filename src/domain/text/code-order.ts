/**
 * Strings in UTF-16 code-unit order: for sorts that only need to be stable (ids, ISO dates), not
 * ordered for reading. `localeCompare` loads the ICU collator on its first call (about 25 ms on the
 * first view's main thread, measured in `bench/profile/first-view-trace.ts`); `<` needs nothing.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
