/**
 * Sample-data generators: invented detail whose totals reconcile exactly with the 2022 work report.
 * See docs/sample-data.md for the rules behind each one.
 */
export * from './air'
export * from './water'
export * from './enforcement'
export * from './apportioned-indicators'
export { reportDays, type ReportDay } from './calendar'

/**
 * Seeds the build uses. Any seed gives a sample that reconciles with the report; these are fixed
 * so the published sample (and the numbers quoted about it) stay the same from build to build.
 */
export const SAMPLE_SEEDS = {
  air: 20221031,
  water: 20221101,
  enforcement: 20221102,
} as const

/** Sample positions: the two national sections sit this far (km, along the river) above the confluence. */
export const SECTION_UPSTREAM_KM = 1.5
/** Sample counts of monitors the 2023 plan mentions without a number. */
export const ENTERPRISE_MONITOR_COUNT = 12
export const DUST_MONITOR_COUNT = 8
