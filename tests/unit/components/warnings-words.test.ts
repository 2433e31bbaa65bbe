// @vitest-environment happy-dom
/**
 * Where the warnings' and the readings' words are shown (issue 23, item 9): the township panel says
 * its warnings are monthly notices, the printed report carries the note that the 24-hour limits
 * were not checked, an O3 breach is worded as the daily maximum 8-hour mean, a water month against
 * the assumed class Ⅲ says it is assumed, and the readings legend says its breakpoints are daily ones.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { useWarnings } from '../../../src/composables/use-warnings'
import { useWarningText } from '../../../src/composables/use-warning-text'
import type { EnvWarning } from '../../../src/domain/warnings/warnings'
import { zhAll as zh } from '../support/messages'
import { loadLayers, mountComposable, mountIn, setLocale, useFreshApp } from '../support/app'

import AreaPanel from '../../../src/components/AreaPanel.vue'
import WarningsReport from '../../../src/components/WarningsReport.vue'
import HeatmapControls from '../../../src/components/HeatmapControls.vue'
useFreshApp()
beforeEach(() => loadLayers('towns', 'monitoring-points', 'water-sections'))
afterEach(() => {
  setLocale('zh-CN')
  document.body.innerHTML = ''
})

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]))

describe('the township panel', () => {
  test('says its warnings are monthly notices, not statutory exceedances', () => {
    const { result } = mountComposable(() => useWarnings())
    const [code, n] = Object.entries(result.byTown.value).sort((a, b) => b[1] - a[1])[0]!
    expect(n).toBeGreaterThan(0)
    const wrapper = mountIn(AreaPanel, { props: { code } })
    const cell = wrapper.get('[data-testid="area-warnings"]')
    expect(cell.attributes('data-count')).toBe(String(n))
    expect(cell.text()).toContain(`${n} 条月度提示（非法定超标判定）`)
    expect(cell.text()).not.toMatch(new RegExp(`^${n} 条\\s`))
  })
})

describe('the printed warnings report', () => {
  test('carries the rules and the note that the 24-hour limits were not checked', () => {
    const { result } = mountComposable(() => useWarnings())
    expect(result.hasDaily.value).toBe(false)
    mountIn(WarningsReport, { props: { warnings: result.warnings.value } })
    const view = document.body.querySelector('[data-testid="warnings-report-view"]')!
    expect(view.querySelector('[data-testid="warnings-report-no-daily"]')?.textContent).toBe(zh.warnings.noDaily)
    expect(view.textContent).toContain('未做24小时限值判定')
    expect(view.textContent).toContain('Ⅲ类目标是本应用的假定')
  })
})

describe('a warning’s sentence', () => {
  const base: Omit<EnvWarning, 'kind' | 'pollutant' | 'value' | 'limit' | 'limitAssumed'> = {
    id: 'x',
    severity: 'high',
    date: '2022-07-01',
    layerId: 'monitoring-points',
    featureId: 'x',
    name: { zh: '站', en: 'Station' },
    lngLat: [119.7, 29.1],
    townCode: null,
    provenance: 'user',
  }
  test('O3: the daily maximum 8-hour mean over 160, and no 24-hour limit', () => {
    const { result } = mountComposable(() => useWarningText())
    const o3: EnvWarning = {
      ...base,
      kind: 'air-daily',
      pollutant: 'o3_8h',
      value: 171,
      limit: 160,
      limitAssumed: false,
    }
    expect(result.describe(o3)).toBe(fill(zh.warnings.airDailyO3, { value: '171.0', limit: 160 }))
    expect(result.describe(o3)).toContain('O₃ 日最大8小时平均 171.0 μg/m³')
    expect(result.describe(o3)).not.toContain('24小时平均 171')
    const pm25: EnvWarning = {
      ...base,
      kind: 'air-daily',
      pollutant: 'pm25',
      value: 80,
      limit: 75,
      limitAssumed: false,
    }
    expect(result.describe(pm25)).toBe('PM2.5 24小时平均 80.0 μg/m³，超过 GB 3095-2012 二级24小时平均限值 75')
    setLocale('en')
    expect(result.describe(o3)).toContain('O₃ has no 24-hour limit')
  })

  test('water: against the assumed class Ⅲ it says so; against a section’s own target it does not', () => {
    const { result } = mountComposable(() => useWarningText())
    const water = { ...base, kind: 'water-class' as const, pollutant: null, value: 4, limit: 3 }
    expect(result.describe({ ...water, limitAssumed: true })).toBe('水质 Ⅳ 类，劣于 Ⅲ 类（本应用假定的目标）')
    expect(result.describe({ ...water, limitAssumed: false })).toBe('水质 Ⅳ 类，劣于目标 Ⅲ 类')
  })
})

describe('the readings legend', () => {
  test('says its colours are the daily breakpoints, drawn beside monthly means', () => {
    const wrapper = mountIn(HeatmapControls)
    expect(wrapper.findAll('[data-testid="readings-legend"] li')).toHaveLength(6)
    expect(wrapper.get('[data-testid="readings-legend-basis"]').text()).toBe(zh.heatmap.legendBasis)
  })
})
