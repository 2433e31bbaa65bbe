/**
 * Honest periods and words, as a person sees them in the built app: each overview figure shows its
 * own period and the heading claims none; the plan is titled 2023年工作思路 with 垃圾中转站 and
 * 易腐垃圾处理中心 under 存在困难和问题; in English, money in CNY, the terms, and a pilot
 * village's panel showing its English note.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'

let session: Session
const page = () => session.page
const period = (id: string) => page().locator(`[data-figure="${id}"] [data-testid="figure-period"]`).innerText()
const cardText = (id: string) => page().locator(`[data-figure="${id}"]`).innerText()

describe('periods and words', () => {
  beforeAll(async () => {
    session = await openApp()
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('each headline figure shows its own period; the heading claims none', async () => {
    const heading = await page().locator('[data-testid="overview"] h2').innerText()
    expect(heading).not.toMatch(/1[–-]10月/)
    expect(await period('air-good-day-rate')).toBe('1–10月')
    expect(await period('enforcement-inspections')).toBe('1–10月')
    expect(await period('vocs-rectified')).toBe('1–10月')
    expect(await period('zero-discharge-award')).toBe('2022年（截至报告）')
    expect(await period('low-carbon-pilot-villages')).toBe('2022年（截至报告）')
    expect(await period('petitions-first-round-total')).toBe('第一轮督察')
    expect(await period('petitions-second-round-central')).toBe('第二轮督察')
    // 148 shown as the report splits it, 54 with its 2 joint cases.
    expect(await cardText('petitions-first-round-total')).toContain('中央81 件 + 省级67 件')
    expect(await cardText('petitions-second-round-central')).toContain('合办2 件')
    // Figures in the topic lists carry theirs too: 2021, the census finished in 2019.
    await page().locator('details.topic summary', { hasText: '水环境' }).click()
    await expect(page().locator('[data-figure="water-eco-compensation-bonus"]').innerText()).resolves.toContain(
      '2021年',
    )
    await page().locator('details.topic summary', { hasText: '困难和问题' }).click()
    await expect(page().locator('[data-figure="problems-emission-sources"]').innerText()).resolves.toContain(
      '2019年结束的第二次污染源普查',
    )
    expect(session.consoleProblems).toEqual([])
  })

  test('the plan is the report’s 2023年工作思路; two projects sit under its difficulties', async () => {
    const overview = page().locator('[data-testid="overview"]')
    await expect(overview.locator('h3', { hasText: '2023年工作思路' }).count()).resolves.toBe(1)
    const plan = await page().locator('[data-testid="plan-2023"]').innerText()
    expect(plan).toContain('加快推动')
    expect(plan).toContain('适时推动建设')
    expect(plan).not.toContain('垃圾中转站')
    const problems = await page().locator('[data-testid="plan-problems"]').innerText()
    expect(problems).toContain('垃圾中转站')
    expect(problems).toContain('易腐垃圾处理中心')
    expect(problems).toContain('亟待加快')
  })

  test('in English: CNY amounts, the issue’s terms, and the English note in a feature panel', async () => {
    await page().locator('[data-testid="language"]').selectOption('en')
    await expect.poll(() => cardText('enforcement-fines')).toContain('CNY 860,800')
    expect(await cardText('zero-discharge-award')).toContain('CNY 10 million')
    expect(await cardText('air-good-day-rate')).toContain('Share of good-air days')
    expect(await period('air-good-day-rate')).toBe('Jan–Oct')
    expect(await page().locator('[data-testid="overview"]').innerText()).not.toContain('×10k')
    // The low-carbon village 月潭村 opens its panel: the note is note_en, not the Chinese one.
    await page().evaluate(() => (window.location.hash = '#layers=low-carbon&sel=low-carbon:low-carbon-yuetan&lang=en'))
    const panel = page().locator('[data-testid="feature-panel"]')
    await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1)
    const text = await panel.innerText()
    expect(text).toContain('naming 2 of the villages')
    expect(text).not.toMatch(/报告称/)
    expect(session.consoleProblems).toEqual([])
  })
})
