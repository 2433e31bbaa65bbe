/**
 * Natural breaks (自然断点) in the built app: its code is not loaded with the first view; choosing it
 * in the legend loads it and shows the classes the indicators store computes in node with ckmeans.
 */
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { waitForMapIdle } from './support/map-probe'
import { loadNaturalBreaks } from '../../src/composables/natural-breaks-loader'
import { useIndicatorsStore } from '../../src/stores/indicators'
import { useLayersStore } from '../../src/stores/layers'

/** The class counts of natural breaks on the inspections per township, as the app's store gives them. */
async function expectedCounts(): Promise<number[]> {
  setActivePinia(createPinia())
  const layers = useLayersStore()
  const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
  layers.setBuiltData('towns', geo('towns'), null)
  layers.setBuiltData('enforcement', geo('enforcement'), null)
  await loadNaturalBreaks()
  layers.setChoropleth('towns', { indicator: 'inspections', method: 'natural-breaks', classCount: 5 })
  const classification = useIndicatorsStore().classification!
  expect(classification.method).toBe('natural-breaks')
  return classification.classes.map((c) => c.count)
}

describe('natural breaks in the legend', () => {
  let session: Session
  const scripts: string[] = []
  beforeAll(async () => {
    session = await openApp('#map=10.4/29.155/119.785&layers=towns')
    session.page.on('request', (request) => scripts.push(request.url()))
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('自然断点 loads its code on choice and shows the store’s classes', async () => {
    const page = session.page
    await waitForMapIdle(page)
    const counts = page.locator('[data-testid="choropleth-classes"] .count')
    await counts.first().waitFor()
    expect(scripts.filter((url) => url.includes('natural-breaks'))).toEqual([])
    const quantileCounts = await counts.allInnerTexts()
    await page.locator('[data-testid="method-select"]').selectOption('natural-breaks')
    const expected = (await expectedCounts()).map((n) => `${n}`)
    await expect
      .poll(async () => (await counts.allInnerTexts()).map((text) => text.replace(/\D/g, '')), { timeout: 10_000 })
      .toEqual(expected)
    expect(scripts.some((url) => url.includes('natural-breaks'))).toBe(true)
    // The township data makes natural breaks differ from quantiles, or this test would prove nothing.
    expect(quantileCounts.map((text) => text.replace(/\D/g, ''))).not.toEqual(expected)
    await expect(page.locator('[data-testid="method-select"] option:checked').innerText()).resolves.toBe('自然断点')
  }, 120_000)

  test('no console error, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
