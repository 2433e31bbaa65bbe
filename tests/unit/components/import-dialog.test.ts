// @vitest-environment happy-dom
/**
 * The import dialog: a file is read (by the import engine; here without its worker), its summary and
 * problems shown, and only a confirmed result touches the map — as a new layer, in place of a
 * built-in one, or not at all when the replacement cannot stand in (which says why).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test, vi } from 'vitest'
import { importBytes } from '../../../src/user-data/import/import-file'
import type { ImportOptions } from '../../../src/user-data/import/types'
import { useLayersStore } from '../../../src/stores/layers'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { fakeController, loadLayers, mountIn, setLocale, settleLazy, useFreshApp } from '../support/app'

// The engine runs here in the test's thread: the dialog's worker client is replaced, nothing else.
vi.mock('../../../src/user-data/import/import-client', () => ({
  isImportAborted: () => false,
  startImport: (file: File, options: Omit<ImportOptions, 'fileName'>) => ({
    onProgress: () => undefined,
    cancel: () => undefined,
    promise: file
      .arrayBuffer()
      .then((buffer) => importBytes(new Uint8Array(buffer), { ...options, fileName: file.name })),
  }),
}))

import ImportDialog from '../../../src/components/ImportDialog.vue'

useFreshApp()

const csvFile = (text: string, name = 'points.csv') => new File([text], name, { type: 'text/csv' })

async function open(file: File) {
  const { controller, calls } = fakeController()
  const wrapper = mountIn(ImportDialog, { props: { file }, controller })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(true))
  await settleLazy()
  return { wrapper, calls }
}

describe('ImportDialog', () => {
  test('shows what it read, adds a new layer on confirm, moves the map to it and closes', async () => {
    const layers = useLayersStore()
    const { wrapper, calls } = await open(csvFile('name,lng,lat\nA,119.70,29.10\nB,119.80,29.20\n'))
    expect(wrapper.get('[data-testid="import-summary"]').text()).toContain('2')
    expect(layers.order.some((id) => id.startsWith('user-'))).toBe(false)
    await wrapper.get('[data-testid="import-confirm"]').trigger('click')
    const added = layers.order.find((id) => id.startsWith('user-'))
    expect(added).toBeDefined()
    expect(layers.record(added!)?.user?.fileName).toBe('points.csv')
    expect(calls.moveTo.at(-1)).toMatchObject({ bounds: [119.7, 29.1, 119.8, 29.2] })
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  test('a replacement that cannot stand in changes nothing, says why, and keeps the dialog open', async () => {
    const layers = useLayersStore()
    loadLayers('plan-2023-sites')
    const before = layers.data('plan-2023-sites')
    const { wrapper } = await open(csvFile('id,lng,lat\n1,119.70,29.10\n', 'nameless.csv'))
    await wrapper.get('[data-testid="import-target"]').setValue('plan-2023-sites')
    await wrapper.get('[data-testid="import-confirm"]').trigger('click')
    expect(layers.data('plan-2023-sites')).toBe(before)
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(wrapper.text()).toMatch(/name/)
  })

  test('a file with nothing usable lists its problems and offers nothing to add', async () => {
    const layers = useLayersStore()
    const { wrapper } = await open(csvFile('a;b\nno;coordinates\n', 'bad.csv'))
    expect(wrapper.get('[data-testid="import-summary"]').attributes('data-ok')).toBe('false')
    const confirm = wrapper.find('[data-testid="import-confirm"]')
    if (confirm.exists()) {
      await confirm.trigger('click')
    }
    expect(layers.order.some((id) => id.startsWith('user-'))).toBe(false)
  })

  test('a file with coordinates offers the coordinate system, "import as" and "add to map"', async () => {
    const { wrapper } = await open(csvFile('name,lng,lat\nA,119.70,29.10\n'))
    expect(wrapper.find('[data-testid="import-crs"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="import-target"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="import-confirm"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="import-summary"]').attributes('data-kind')).toBeUndefined()
  })
})

/** A township ledger as staff keep it: a 乡镇 column, a number per township, no coordinates. */
const LEDGER = [
  '乡镇,信访件数',
  '多湖街道,12',
  '东孝街道,7',
  '孝顺镇,15',
  '傅村镇,9',
  '曹宅,21',
  '澧浦镇,11',
  '岭下镇,6',
  '江东镇,8',
  '塘雅镇,10',
  '赤松镇,5',
  '源东乡,3',
].join('\n')

describe('ImportDialog: a table without coordinates that names townships', () => {
  test('leads with the join and its button; no failure, no coordinate choices, no English word', async () => {
    loadLayers('towns')
    const { wrapper } = await open(csvFile(LEDGER, 'ledger.csv'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="join-heading"]').exists()).toBe(true))
    const summary = wrapper.get('[data-testid="import-summary"]')
    expect(summary.attributes('data-kind')).toBe('table')
    expect(summary.text()).toBe('表格 11 行（格式 csv，编码 utf-8）')
    expect(wrapper.get('[data-testid="import-table-note"]').text()).toBe(
      '没有坐标列；可按“乡镇”列的乡镇（街道）名称连接到地图',
    )
    expect(wrapper.get('[data-testid="join-heading"]').text()).toBe('按乡镇名称连接：11/11 行匹配')
    const text = wrapper.text()
    expect(text).not.toMatch(/有效要素|拒绝/)
    expect(text).not.toMatch(/header/i)
    // The join is the one primary action; the point layer's choices are not shown.
    expect(wrapper.findAll('button.primary').map((b) => b.attributes('data-testid'))).toEqual(['join-confirm'])
    for (const id of ['import-crs', 'import-target', 'import-confirm', 'import-problems'])
      expect(wrapper.find(`[data-testid="${id}"]`).exists(), id).toBe(false)
    // Read top to bottom: what the file is, what it can be used for, then the join.
    const html = wrapper.html()
    expect(html.indexOf('import-summary')).toBeLessThan(html.indexOf('import-table-note'))
    expect(html.indexOf('import-table-note')).toBeLessThan(html.indexOf('join-report'))

    await wrapper.get('[data-testid="join-confirm"]').trigger('click')
    expect(useIndicatorsStore().userIndicators.map((i) => i.id)).toEqual(['user:ledger.csv:信访件数'])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  test('other problems of such a table are still listed, after the join', async () => {
    loadLayers('towns')
    // A workbook whose header has a merged cell (C1 empty), joinable by its 乡镇 column.
    const bytes = readFileSync('tests/fixtures/bad/xlsx-merged-header.xlsx')
    const { wrapper } = await open(new File([bytes], 'merged.xlsx'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="join-heading"]').exists()).toBe(true))
    const problems = wrapper.get('[data-testid="import-problems"]').text()
    expect(problems).toContain('表头第 3 列为空（合并单元格？）')
    expect(problems).not.toContain('可按“乡镇”列')
    const html = wrapper.html()
    expect(html.indexOf('join-report')).toBeLessThan(html.indexOf('import-problems'))
  })

  test('in English too: "Join by township name: 11/11 rows match"', async () => {
    setLocale('en')
    loadLayers('towns')
    const { wrapper } = await open(csvFile(LEDGER, 'ledger.csv'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="join-heading"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('A table of 11 rows (format csv, encoding utf-8)')
    expect(wrapper.get('[data-testid="join-heading"]').text()).toBe('Join by township name: 11/11 rows match')
  })

  test('a table with neither coordinates nor a place column says so in Chinese words: 表头, not header', async () => {
    const { wrapper } = await open(csvFile('名称,地址\n甲,某路\n', 'contacts.csv'))
    const problems = wrapper.get('[data-testid="import-problems"]').text()
    expect(problems).toContain('第 1 行，表头：找不到坐标列')
    expect(problems).not.toMatch(/header/i)
  })
})
