/**
 * The datasets store is the one front door of the user's data: a confirmed import adds a layer or
 * replaces a built-in one's data, a table stands in for the readings or inspections, a table without
 * coordinates is joined by township name, and every user layer's style is resolved once.
 */
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../src/user-data/import/import-file'
import { useDatasetsStore } from '../../../src/stores/datasets'
import { useUserStylesStore } from '../../../src/stores/user-styles'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, useFreshApp } from '../support/app'

useFreshApp()

const csv = (text: string, fileName = 'file.csv') =>
  importBytes(new TextEncoder().encode(text), { fileName, declaredCrs: 'auto' })

describe('addImport', () => {
  test('a new layer of its own, at the top of the list, with the bounds of its features', async () => {
    const datasets = useDatasetsStore()
    const layers = useLayersStore()
    const result = await csv('name,lng,lat\nA,119.70,29.10\nB,119.80,29.20\n')
    const added = datasets.addImport(result, 'points.csv', { target: 'new' })
    expect(added).toMatchObject({ ok: true, jump: false })
    if (!added.ok) return
    expect(layers.order[0]).toBe(added.layerId)
    expect(layers.record(added.layerId)?.user?.fileName).toBe('points.csv')
    expect(added.bounds).toEqual([119.7, 29.1, 119.8, 29.2])
  })

  test("in place of a built-in layer: its data is the user's, and it is shown", async () => {
    const datasets = useDatasetsStore()
    const layers = useLayersStore()
    loadLayers('plan-2023-sites')
    layers.setVisible('plan-2023-sites', false)
    const result = await csv('name,lng,lat\n新站,119.70,29.10\n')
    const added = datasets.addImport(result, 'sites.csv', { target: 'plan-2023-sites' })
    expect(added.ok).toBe(true)
    expect(layers.meta('plan-2023-sites')).toMatchObject({ provenance: 'user', userFile: 'sites.csv' })
    expect(layers.record('plan-2023-sites')?.visible).toBe(true)
  })

  test('a replacement that cannot stand in changes nothing and says why', async () => {
    const datasets = useDatasetsStore()
    const layers = useLayersStore()
    loadLayers('plan-2023-sites')
    const before = layers.data('plan-2023-sites')
    const result = await csv('id,lng,lat\n1,119.70,29.10\n')
    const added = datasets.addImport(result, 'nameless.csv', { target: 'plan-2023-sites' })
    expect(added.ok).toBe(false)
    if (!added.ok) expect(added.issues.length).toBeGreaterThan(0)
    expect(layers.data('plan-2023-sites')).toBe(before)
  })
})

describe('tables the user brings', () => {
  test('a table without coordinates is joined by township name and shown on the choropleth', async () => {
    const datasets = useDatasetsStore()
    const layers = useLayersStore()
    loadLayers('towns')
    const result = await csv('乡镇,企业数\n曹宅镇,12\n孝顺镇,7\n', 'ledger.csv')
    const named = datasets.nameJoin(result.table!)
    expect(named?.join.matchedRows).toBe(2)
    expect(datasets.joinByName(named!.join, 'ledger.csv')).toBe(true)
    const indicators = useIndicatorsStore()
    expect(indicators.userIndicators).toHaveLength(1)
    expect(layers.areaLayer?.choropleth?.indicator).toBe(indicators.userIndicators[0]!.id)
  })

  test('an inspections table stands in for the layer with the inspections capability', async () => {
    const datasets = useDatasetsStore()
    const layers = useLayersStore()
    loadLayers('towns', 'enforcement')
    const result = await csv('日期,类型,乡镇\n2022-03-01,检查,曹宅镇\n2022-04-02,案件,孝顺镇\n', 'ledger.csv')
    const offer = datasets.tableOffer(result)
    expect(offer?.kind).toBe('inspections')
    datasets.useTableAs(offer!, 'ledger.csv', { zh: '您的数据', en: 'Your data' })
    const id = layers.idWithCapability('inspections')!
    expect(layers.meta(id)).toMatchObject({ provenance: 'user', userFile: 'ledger.csv' })
    expect(layers.data(id)?.features).toHaveLength(2)
  })
})

describe('the resolved style of a user layer', () => {
  test('is computed once per data and style, and follows a style change', async () => {
    const datasets = useDatasetsStore()
    const layers = useLayersStore()
    const result = await csv('name,kind,lng,lat\nA,企业,119.70,29.10\nB,工地,119.80,29.20\n')
    const added = datasets.addImport(result, 'kinds.csv', { target: 'new' })
    if (!added.ok) throw new Error('not added')
    const userStyles = useUserStylesStore()
    const first = userStyles.resolvedStyle(added.layerId)
    expect(first?.colour.kind).toBe('single')
    layers.setOpacity(added.layerId, 0.5)
    expect(userStyles.resolvedStyle(added.layerId)).toBe(first)
    layers.setUserStyle(added.layerId, { colour: { kind: 'categories', column: 'kind' } })
    const styled = userStyles.resolvedStyle(added.layerId)
    expect(styled?.colour.kind).toBe('categories')
    expect(userStyles.resolvedStyle('towns')).toBeNull()
  })
})
