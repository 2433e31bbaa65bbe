/**
 * Every layer spec is complete and consistent: the registry (Vite's glob) and the build's own listing
 * find the same files; a spec's map layers are named after it, what it marks interactive exists, its
 * words are in both languages, and the manifest says exactly what the spec says.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { LAYER_SPECS } from '../../../src/layers/registry'
import { loadLayerSpecs } from '../../../scripts/geo/layer-specs'
import type { Manifest } from '../../../src/domain/manifest'

const manifest = JSON.parse(
  readFileSync(new URL('../../../public/geo/manifest.json', import.meta.url), 'utf8'),
) as Manifest
const context = { locale: 'zh-CN' as const, opacity: 1, selectedKey: null, choropleth: null }
const layersDir = fileURLToPath(new URL('../../../src/layers', import.meta.url))

describe('layer specs', () => {
  test('the registry finds every *.layer.ts file, sorted by order, with unique ids', () => {
    const files = readdirSync(layersDir).filter((f) => f.endsWith('.layer.ts'))
    const ids = LAYER_SPECS.map((d) => d.id)
    expect(ids.length).toBe(files.length)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.map((id) => `${id}.layer.ts`).sort()).toEqual(files.sort())
    const orders = LAYER_SPECS.map((d) => d.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
  })

  test('the geo build lists the same specs as the app, in the same order', async () => {
    expect((await loadLayerSpecs()).map((s) => s.id)).toEqual(LAYER_SPECS.map((s) => s.id))
  })

  test('exactly one spec is the area unit (the townships)', () => {
    expect(LAYER_SPECS.filter((s) => s.capabilities?.areaUnit).map((s) => s.id)).toEqual(['towns'])
  })

  test.each(LAYER_SPECS.map((d) => [d.id, d] as const))('%s is complete', (id, spec) => {
    const mapLayers = spec.mapLayers(context)
    if (spec.listed) {
      expect(mapLayers.length).toBeGreaterThan(0)
      expect(spec.legend.length).toBeGreaterThan(0)
    }
    for (const layer of mapLayers) expect(layer.id.startsWith(`${id}-`), layer.id).toBe(true)
    for (const interactive of spec.interactiveLayerIds ?? []) expect(mapLayers.map((l) => l.id)).toContain(interactive)
    expect(spec.title.zh && spec.title.en).toBeTruthy()
    expect(spec.source && spec.licence).toBeTruthy()
    expect(spec.data.key).toBeTruthy()
    if (spec.provenance === 'sample' || spec.provenance === 'approximate') {
      expect(spec.caveat?.zh, `${id} must say why it is ${spec.provenance}`).toBeTruthy()
      expect(spec.caveat?.en).toBeTruthy()
    }
    for (const layer of mapLayers) {
      if (layer.source)
        expect(
          LAYER_SPECS.some((s) => s.id === layer.source),
          `${layer.id} borrows ${layer.source}`,
        ).toBe(true)
    }
  })

  test.each(LAYER_SPECS.map((d) => [d.id, d] as const))(
    'the manifest entry of %s is generated from its spec',
    (id, spec) => {
      const entry = manifest.entries.find((e) => e.id === id)
      expect(entry, `public/geo has no data for ${id}`).toBeDefined()
      expect(entry).toMatchObject({
        kind: 'geojson',
        file: `${id}.geojson`,
        title: spec.title,
        provenance: spec.provenance,
        caveat: spec.caveat,
        method: spec.method ?? null,
        source: spec.source,
        licence: spec.licence,
      })
    },
  )

  test('a tooltip carries markup in a name through as the literal text (rendered as text, never parsed)', () => {
    const hostile = { name: '<img src=x onerror=alert(1)>', name_en: '<b>x</b>', kind: 'air', month: 3 }
    const named = LAYER_SPECS.filter((d) =>
      ['counties', 'towns', 'seats', 'water-sections', 'low-carbon'].includes(d.id),
    )
    expect(named).toHaveLength(5)
    for (const spec of named) {
      expect(spec.tooltip?.(hostile, 'zh-CN'), spec.id).toContain('<img src=x onerror=alert(1)>')
      expect(spec.tooltip?.(hostile, 'en'), spec.id).toContain('<b>x</b>')
    }
  })
})
