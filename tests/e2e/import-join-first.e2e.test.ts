/**
 * A new planner's task, "join our ledger by township name", the way a person does it: the ledger (a
 * CSV saved from Excel, a 乡镇 column and no coordinates) is dropped on the map. The dialog answers
 * what the file asks: it leads with the join and its button, shows no failure and no coordinate
 * choices, and speaks Chinese only. Joined, the ledger colours the map and leads the ranking.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { waitForMapIdle } from './support/map-probe'

const HASH = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'

/** Names as staff type them: 曹宅 without 镇, a full-width space in 澧浦　镇. */
const LEDGER = [
  '乡镇,信访件数,整治面积（公顷）',
  '多湖街道,12,3.5',
  '东孝,7,2.1',
  '孝顺镇,15,4.8',
  '傅村,9,1.2',
  '曹宅,21,6.4',
  '澧浦　镇,11,2.9',
  '岭下镇,6,1.7',
  '江东,8,2.2',
  '塘雅镇,10,3.1',
  '赤松镇,5,1.4',
  '源东乡,3,0.8',
].join('\r\n')

describe('join our ledger by township name', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp(HASH)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('dropped on the map, the dialog leads with the join; joined, the ledger leads the ranking', async () => {
    const { page } = session
    // Dropped from the file manager onto the map.
    await page.evaluate((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([`\uFEFF${text}`], '信访台账.csv', { type: 'text/csv' }))
      document
        .querySelector('.map-area')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    }, LEDGER)
    const dialog = page.locator('[data-testid="import-dialog"]')
    const heading = dialog.locator('[data-testid="join-heading"]')
    await heading.waitFor({ timeout: 30_000 })
    await expect(heading.innerText()).resolves.toBe('按乡镇名称连接：11/11 行匹配')
    await expect(dialog.locator('[data-testid="import-summary"]').innerText()).resolves.toBe(
      '表格 11 行（格式 csv，编码 utf-8）',
    )

    const text = await dialog.innerText()
    expect(text).not.toMatch(/有效要素|拒绝|header/i)
    // The answer in Chinese words only: no English word beside the format and encoding names.
    const answer = await dialog
      .locator('[data-testid="import-table-note"], [data-testid="join-report"]')
      .allInnerTexts()
    expect(answer.join('\n')).toContain('没有坐标列；可按“乡镇”列的乡镇（街道）名称连接到地图')
    expect(answer.join('\n')).not.toMatch(/[A-Za-z]{2,}/)
    for (const id of ['import-crs', 'import-target', 'import-confirm'])
      await expect(dialog.locator(`[data-testid="${id}"]`).count(), id).resolves.toBe(0)
    // The join's button is the one primary action, and in sight without scrolling the dialog.
    const join = dialog.locator('[data-testid="join-confirm"]')
    await expect(dialog.locator('button.primary').count()).resolves.toBe(1)
    await expect(join.getAttribute('class')).resolves.toContain('primary')
    const box = (await join.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
    await page.screenshot({ path: 'docs/screenshots/import-join-first.png' })

    await join.click()
    await expect(dialog.count()).resolves.toBe(0)
    await waitForMapIdle(page)
    await expect(page.locator('[data-testid="indicator-select"]').inputValue()).resolves.toBe(
      'user:信访台账.csv:信访件数',
    )
    // The ranking (详情, with nothing selected) ranks the townships by the joined column.
    await page.locator('[data-testid="tab-details"]').click()
    const top = page.locator('[data-testid="town-ranking"] tbody tr').first()
    await expect(top.locator('.town').innerText()).resolves.toBe('曹宅镇')
    await expect(top.locator('td.value').innerText()).resolves.toBe('21')
    await expect(top.innerText()).resolves.toContain('用户数据')
  })

  test('no console problem and no request beyond the app', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
