/**
 * Reaching the tools as a person does: the tool column's tabs (图层 · 分析 · 数据) and the header's
 * 导出 menu. A control inside a tab that is not open is hidden; click its tab first.
 */
import type { Page } from 'playwright-core'

export type ToolTab = 'layers' | 'analysis' | 'data'

/** Clicks the tab (if it is not open already) and waits until its panel shows. */
export async function openToolTab(page: Page, tab: ToolTab): Promise<void> {
  const button = page.locator(`[data-testid="tool-tab-${tab}"]`)
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click()
  await page.waitForSelector(`[data-testid="tool-panel-${tab}"]:not([hidden])`)
}

/** Opens the header's 导出 menu (if it is not open) and waits for its buttons. */
export async function openExportMenu(page: Page): Promise<void> {
  const button = page.locator('[data-testid="export-open"]')
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  await page.waitForSelector('[data-testid="export-menu"]')
}
