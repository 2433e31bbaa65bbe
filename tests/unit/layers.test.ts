/**
 * Every layer declaration is complete and consistent: the registry finds it, its map layers are
 * named after it, what it marks interactive exists, it has a legend, and its data is in the
 * manifest. Also: the two languages have the same message keys.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { LAYER_DEFINITIONS } from '../../src/layers/registry'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'
import type { Manifest } from '../../src/domain/manifest'

const manifest = JSON.parse(
  readFileSync(new URL('../../public/geo/manifest.json', import.meta.url), 'utf8'),
) as Manifest
const context = { locale: 'zh-CN' as const, opacity: 1, selectedKey: null, choropleth: null }

describe('layer declarations', () => {
  test('the registry finds every *.layer.ts file, sorted by order, with unique ids', () => {
    const ids = LAYER_DEFINITIONS.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining([
        'counties',
        'district',
        'towns',
        'rivers',
        'seats',
        'river-sections',
        'water-sections',
        'monitoring-points',
        'low-carbon',
        'zero-discharge',
        'plan-2023-sites',
        'enforcement',
      ]),
    )
    const orders = LAYER_DEFINITIONS.map((d) => d.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
  })

  test.each(LAYER_DEFINITIONS.map((d) => [d.id, d] as const))('%s is complete', (id, definition) => {
    const mapLayers = definition.mapLayers(context)
    expect(mapLayers.length).toBeGreaterThan(0)
    for (const layer of mapLayers) expect(layer.id.startsWith(`${id}-`), layer.id).toBe(true)
    for (const interactive of definition.interactiveLayerIds ?? [])
      expect(mapLayers.map((l) => l.id)).toContain(interactive)
    expect(definition.legend.length).toBeGreaterThan(0)
    expect(definition.title.zh && definition.title.en).toBeTruthy()
    const entry = manifest.entries.find((e) => e.id === id)
    expect(entry, `public/geo has no data for ${id}`).toBeDefined()
    expect(entry!.kind).toBe('geojson')
    if (definition.provenance === 'sample' || definition.provenance === 'approximate')
      expect(definition.caveat?.zh ?? entry!.caveat?.zh).toBeTruthy()
    for (const layer of mapLayers) {
      if (layer.source)
        expect(
          manifest.entries.some((e) => e.id === layer.source),
          `${layer.id} borrows ${layer.source}`,
        ).toBe(true)
    }
  })

  test('a tooltip carries markup in a name through as the literal text (rendered as text, never parsed)', () => {
    const hostile = { name: '<img src=x onerror=alert(1)>', name_en: '<b>x</b>', kind: 'air', month: 3 }
    const named = LAYER_DEFINITIONS.filter((d) =>
      ['counties', 'towns', 'seats', 'water-sections', 'low-carbon'].includes(d.id),
    )
    expect(named).toHaveLength(5)
    for (const definition of named) {
      expect(definition.tooltip?.(hostile, 'zh-CN'), definition.id).toContain('<img src=x onerror=alert(1)>')
      expect(definition.tooltip?.(hostile, 'en'), definition.id).toContain('<b>x</b>')
    }
  })
})

describe('messages', () => {
  const keys = (object: object, prefix = ''): string[] =>
    Object.entries(object).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    )

  test('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })
})
