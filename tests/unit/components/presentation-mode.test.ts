// @vitest-environment happy-dom
/**
 * Presentation mode on its stage: the report's KPIs across the top, the first stop's caption, the
 * status line; Esc (or the exit button) leaves it and the map is the user's again.
 */
import { describe, expect, test, vi } from 'vitest'
import { useDataStore } from '../../../src/stores/data'
import { useViewStore } from '../../../src/stores/view'
import { parseReportFigures } from '../../../src/domain/report/report'
import { loadLayers, mountIn, readGeo, useFreshApp } from '../support/app'
import PresentationMode from '../../../src/components/presentation/PresentationMode.vue'

useFreshApp()

describe('PresentationMode', () => {
  test('shows the KPIs and the first stop, and Esc leaves', async () => {
    loadLayers('towns', 'enforcement', 'monitoring-points', 'seats', 'district', 'water-sections')
    useDataStore().figures = parseReportFigures(readGeo<{ figures: unknown }>('report.json').figures).figures
    const view = useViewStore()
    view.mode = 'present'
    const wrapper = mountIn(PresentationMode)
    const kpis = wrapper.get('[data-testid="kpi-bar"]').text()
    expect(kpis).toContain('86.1')
    expect(kpis).toContain('1,095')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="present-caption"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="present-caption"]').text().length).toBeGreaterThan(4)
    expect(wrapper.get('[data-testid="present-status"]').attributes('data-status')).not.toBe('loading')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await wrapper.vm.$nextTick()
    expect(view.mode).toBe('explore')
  })
})
