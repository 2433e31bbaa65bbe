/**
 * The standards the app applies, as 关于数据 lists them (about.standardsList.<id> in the messages):
 * GB 3095-2012 for the air warnings, HJ 633-2012 for the AQI levels, GB 3838-2002 for the water classes.
 * Each rule's clause is cited where it is applied (src/domain/air, src/domain/warnings).
 */
export const APPLIED_STANDARDS = ['gb3095', 'hj633', 'gb3838'] as const
