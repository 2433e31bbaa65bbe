/**
 * axe-core in the page, offline: the installed axe.min.js is evaluated through the DevTools
 * protocol (an inline <script> would be refused by the app's CSP), then run on the page or a part.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical'

export interface AxeViolation {
  id: string
  impact: Impact
  nodes: number
  targets: string[]
}

/** Runs axe (WCAG 2.x A/AA and best practices) on the page, or only within `include`. */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!present) await page.evaluate(axeSource)
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe
    const result = (await axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact as 'minor' | 'moderate' | 'serious' | 'critical',
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))),
    }))
  }, include ?? null)
}

/** Counts violations (rules, not nodes) by impact. */
export function byImpact(violations: AxeViolation[]): Record<Impact, number> {
  const counts: Record<Impact, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 }
  for (const v of violations) counts[v.impact]++
  return counts
}

/** The violations that fail the suite. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
