// @vitest-environment happy-dom
/**
 * 关于数据: every layer's source, method and licence, what each badge means, the sample data and the
 * standards, in either language; opened from a badge at that badge's kind.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { loadLayers, mountIn, setLocale, useFreshApp } from '../support/app'

import AboutData from '../../../src/components/AboutData.vue'
import ProvenanceBadge from '../../../src/components/ProvenanceBadge.vue'
useFreshApp()
beforeEach(() => loadLayers('towns', 'monitoring-points', 'water-sections'))

/** The dialog is teleported to the body. */
const dialog = () => document.body.querySelector('[data-testid="about-data"]') as HTMLElement | null

describe('AboutData', () => {
  test("lists each listed layer with its source, method and licence, and the heatmap's method", () => {
    useViewStore().about = 'marks'
    mountIn(AboutData, { attachTo: document.body })
    const layers = useLayersStore()
    for (const id of ['towns', 'monitoring-points', 'water-sections']) {
      const section = dialog()!.querySelector(`[data-about="${id}"]`)!
      const spec = layers.record(id)!.spec
      expect(section.textContent).toContain(spec.source)
      expect(section.textContent).toContain(spec.licence)
      if (spec.method) expect(section.textContent).toContain(spec.method.zh)
    }
    expect(dialog()!.querySelector('[data-about="readings-surface"]')!.textContent).toContain('反距离加权')
    expect(dialog()!.textContent).toContain('GB 3095-2012')
    expect(dialog()!.textContent).toContain('HJ 633-2012')
    expect(dialog()!.textContent).toContain('GB 3838-2002')
    // What the sample data matches is said once, with what it does not (O₃): no blanket claim.
    expect(dialog()!.textContent).toContain('示例的O₃读数与报告的164不同')
    expect(dialog()!.querySelector('#about-samples')!.nextElementSibling!.textContent).not.toMatch(/都与报告一致/)
  })

  test('in English, with ASCII punctuation in its own words', () => {
    setLocale('en')
    useViewStore().about = 'marks'
    mountIn(AboutData, { attachTo: document.body })
    expect(dialog()!.querySelector('h2')!.textContent).toBe('About the data')
    expect(dialog()!.textContent).toContain('Standards applied')
  })

  test('a badge opens it at its own kind; × closes it', async () => {
    const view = useViewStore()
    const badge = mountIn(ProvenanceBadge, { props: { provenance: 'sample' } })
    await badge.get('[data-testid="provenance-badge"]').trigger('click')
    expect(view.about).toBe('provenance-sample')
    mountIn(AboutData, { attachTo: document.body })
    expect(dialog()!.querySelector('#about-provenance-sample')).not.toBeNull()
    ;(dialog()!.querySelector('button.close') as HTMLButtonElement).click()
    expect(view.about).toBeNull()
  })
})
