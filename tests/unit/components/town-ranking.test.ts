// @vitest-environment happy-dom
/**
 * The township ranking: the townships in the order of the map's indicator (most first, ties sharing a
 * rank, no data last and unranked), sortable by value and name with aria-sort saying how, a row opening
 * the township's panel, and a CSV that Excel opens in Chinese.
 */
import { describe, expect, test, vi } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { useDataStore } from '../../../src/stores/data'
import type { UserIndicator } from '../../../src/user-data/tables/user-indicators'
import { loadLayers, mountIn, readGeo, setLocale, useFreshApp } from '../support/app'
import TownRanking from '../../../src/components/TownRanking.vue'

useFreshApp()

/** Inspections per township counted from the points' own town codes: the ranking must agree. */
function inspectionsByTown(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const f of readGeo<FeatureCollection>('enforcement.geojson').features) {
    if (f.properties?.kind !== 'inspection') continue
    const code = String(f.properties.town_code)
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  return counts
}

function mountRanking() {
  loadLayers('towns', 'enforcement')
  return mountIn(TownRanking)
}

const rowsOf = (wrapper: ReturnType<typeof mountIn>) =>
  wrapper.findAll('tbody tr').map((tr) => ({
    code: tr.attributes('data-code'),
    rank: tr.attributes('data-rank'),
    name: tr.find('.town').text(),
    value: tr.find('td.value').text(),
  }))

function userIndicator(values: Record<string, number>): UserIndicator {
  return {
    id: 'user:ledger.csv:企业数',
    label: { zh: '企业数（ledger.csv）', en: 'Firms (ledger.csv)' },
    unit: { zh: '', en: '' },
    kind: 'count',
    provenance: 'user',
    reportFigureIds: [],
    note: { zh: '', en: '' },
    values,
  }
}

describe('TownRanking', () => {
  test('lists the townships by the map’s indicator, most first, the top one the township with most inspections', () => {
    const wrapper = mountRanking()
    const counts = inspectionsByTown()
    const most = Math.max(...counts.values())
    const rows = rowsOf(wrapper)
    expect(rows).toHaveLength(11)
    expect(rows[0]!.rank).toBe('1')
    expect(counts.get(rows[0]!.code!)).toBe(most)
    expect(rows[0]!.value).toBe(most.toLocaleString('zh-CN'))
    const values = rows.map((row) => Number(row.value.replace(/,/g, '')))
    expect(values).toEqual([...values].sort((a, b) => b - a))
    expect(wrapper.get('thead').text()).toContain('执法检查（家次）')
    expect(wrapper.findAll('tbody [data-testid="provenance-badge"]')[0]!.text()).toContain('示例数据')
    expect(wrapper.get('th[aria-sort="descending"]').text()).toContain('执法检查')
  })

  test('sorts by value both ways and by name, saying so with aria-sort', async () => {
    const wrapper = mountRanking()
    await wrapper.get('[data-testid="ranking-sort-value"]').trigger('click')
    expect(wrapper.get('th[aria-sort="ascending"]').text()).toContain('执法检查')
    const ascending = rowsOf(wrapper).map((row) => Number(row.value.replace(/,/g, '')))
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
    expect(rowsOf(wrapper).at(-1)!.rank).toBe('1')

    await wrapper.get('[data-testid="ranking-sort-name"]').trigger('click')
    expect(wrapper.get('th[aria-sort="ascending"]').text()).toContain('乡镇（街道）')
    expect(wrapper.findAll('th[aria-sort="none"]').length).toBe(1)
    const names = rowsOf(wrapper).map((row) => row.name)
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare))
    await wrapper.get('[data-testid="ranking-sort-name"]').trigger('click')
    expect(rowsOf(wrapper).map((row) => row.name)).toEqual([...names].reverse())
  })

  test('a click on a row opens that township’s panel', async () => {
    const wrapper = mountRanking()
    const row = wrapper.findAll('tbody tr')[2]!
    await row.find('.town').trigger('click')
    expect(useViewStore().selection).toEqual({ layerId: 'towns', featureId: row.attributes('data-code') })
    expect(useViewStore().sideTab).toBe('details')
    expect(wrapper.findAll('tbody tr')[2]!.attributes('aria-current')).toBe('true')
  })

  test('ties share a rank; a township without a number is last, unranked, and said to be', () => {
    loadLayers('towns')
    const indicators = useIndicatorsStore()
    indicators.addUserIndicators([userIndicator({ '330703001': 5, '330703103': 9, '330703101': 5 })])
    useLayersStore().setChoropleth('towns', { indicator: 'user:ledger.csv:企业数' })
    const wrapper = mountIn(TownRanking)
    const rows = rowsOf(wrapper)
    expect(rows.slice(0, 4).map((row) => [row.code, row.rank])).toEqual([
      ['330703103', '1'],
      ['330703001', '2'],
      ['330703101', '2'],
      ['330703002', ''],
    ])
    expect(rows[3]!.value).toBe('无数据')
    expect(wrapper.get('[data-testid="ranking-unranked"]').text()).toContain('8 个无数据')
    expect(wrapper.findAll('tbody [data-testid="provenance-badge"]')).toHaveLength(3)
    expect(wrapper.findAll('tbody [data-testid="provenance-badge"]')[0]!.text()).toContain('用户数据')
  })

  test('a category indicator is listed, not ranked, and exported in words', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:x'))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    loadLayers('towns')
    useDataStore().documents = { 'town-indicators': readGeo('town-indicators.json') }
    useLayersStore().setChoropleth('towns', { indicator: 'low-carbon' })
    const wrapper = mountIn(TownRanking)
    expect(wrapper.text()).toContain('类别指标不排名')
    expect(wrapper.find('[data-testid="ranking-sort-value"]').exists()).toBe(false)
    expect(rowsOf(wrapper).every((row) => row.rank === '')).toBe(true)
    expect(rowsOf(wrapper).find((row) => row.code === '330703001')!.value).toBe('低碳试点乡镇（街道）')
    await wrapper.get('[data-testid="ranking-csv"]').trigger('click')
    const csv = await blobs[0]!.text()
    expect(csv).toContain(',多湖街道,330703001,低碳试点乡镇（街道）,官方')
    expect(csv).not.toContain('pilot-area')
  })

  test('exports the table as CSV with a byte-order mark, in the order shown', async () => {
    const blobs: Blob[] = []
    const names: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:x'))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    const wrapper = mountRanking()
    await wrapper.get('[data-testid="ranking-csv"]').trigger('click')
    expect(names).toEqual(['乡镇排名-执法检查.csv'])
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n')
    expect(lines[0]).toBe('名次,乡镇（街道）,区划代码,执法检查（家次）,来源')
    expect(lines).toHaveLength(12)
    const first = rowsOf(wrapper)[0]!
    expect(lines[1]).toBe(`1,${first.name},${first.code},${first.value.replace(/,/g, '')},示例数据`)
  })

  test('in English: headings, names and the file name', () => {
    setLocale('en')
    const wrapper = mountRanking()
    expect(wrapper.get('h2').text()).toBe('Township ranking')
    expect(wrapper.get('thead').text()).toContain('Enforcement inspections (inspections)')
    expect(rowsOf(wrapper).some((row) => row.name === 'Caozhai Town')).toBe(true)
    expect(wrapper.text()).not.toMatch(/[“”（）]/)
  })
})
