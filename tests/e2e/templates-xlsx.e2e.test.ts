/**
 * The import templates as Excel workbooks, in the built app: the .xlsx link downloads a workbook that
 * reads back in node (read-excel-file, the reader the importer uses) with the template's header and
 * example row, and a notes sheet; the writer is fetched only when the link is clicked.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import readXlsxFile from 'read-excel-file/universal'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { openToolTab } from './support/tools'

const HASH = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'

describe('import templates as .xlsx', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp(HASH)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('the .xlsx link downloads a workbook with the header, an example row and a notes sheet', async () => {
    const page = session.page
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await openToolTab(page, 'data')
    const templates = page.locator('.right [data-testid="import-templates"]')
    await templates.locator('summary').click()
    await expect(templates.innerText()).resolves.toContain('说明')
    const before = scripts.length
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      templates.locator('button[data-template-xlsx="points"]').click(),
    ])
    // The writer came with the click, as its own script.
    expect(scripts.length).toBeGreaterThan(before)
    expect(download.suggestedFilename()).toBe('模板-点位.xlsx')
    const bytes = readFileSync((await download.path())!)
    const sheets = (await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))) as {
      sheet: string
      data: unknown[][]
    }[]
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['模板', '说明'])
    expect(sheets[0]!.data).toEqual([
      ['名称', '类别', '数值', '经度', '纬度'],
      ['曹宅镇污水处理站', '污水处理', 42, 119.75057, 29.20447],
    ])
    expect(sheets[1]!.data[0]).toEqual(['列名', '说明', '示例'])
    expect(sheets[1]!.data.slice(1, 6).map((row) => row[0])).toEqual(['名称', '类别', '数值', '经度', '纬度'])
  })

  test('each kind has its .xlsx link beside the CSV one, and no console error', async () => {
    const page = session.page
    const kinds = await page
      .locator('.right [data-testid="import-templates"] button[data-template-xlsx]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-template-xlsx')))
    expect(kinds).toEqual(['township-indicators', 'stations', 'readings', 'inspections', 'points'])
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
