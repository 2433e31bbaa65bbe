/**
 * Render tests: each case in tests/render/cases is drawn by MapLibre in Chromium (the harness page)
 * and compared with its expected.png; a failing case leaves actual.png, expected.png and diff.png in
 * test-results/render/<case>/. UPDATE_RENDER=1 writes expected.png instead of comparing.
 * RENDER_BREAK=<case> turns that case's first paint colour magenta, to watch the test fail.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { LOCAL_FONT_FAMILY } from '../../src/map/offline-style'
import { openHarness, type HarnessPage } from './support/browser'
import { caseNames, layerIdOf, loadCase } from './support/cases'
import { comparePngs, MAX_DIFF_FRACTION, writePngs } from './support/compare'
import { LAYERS } from './support/specs'
import { caseStyle } from './support/style'
import { USER_LAYER_ID } from './support/user-layer'

const SIZE = 256
const PADDING = 40
const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results/render')
const UPDATE = process.env.UPDATE_RENDER === '1'

describe('render cases cover the layers', () => {
  test('every layer that draws has a case named after its id, and every case names a layer (or a user layer)', () => {
    const names = caseNames()
    const context = { locale: 'zh-CN' as const, opacity: 1, selectedKey: null, choropleth: null }
    // Helper data with no style of its own (county-labels) is drawn by the layer that borrows it.
    const drawing = LAYERS.filter((layer) => layer.mapLayers(context).length > 0).map((layer) => layer.id)
    expect(drawing.filter((id) => !names.includes(id))).toEqual([])
    expect(names.filter((name) => !drawing.includes(layerIdOf(name)) && layerIdOf(name) !== USER_LAYER_ID)).toEqual([])
  })

  test("a user's layer has a case of its own and one per kind of style", () => {
    const names = caseNames()
    for (const variant of ['', '--categories', '--graduated', '--sized', '--labelled'])
      expect(names).toContain(`${USER_LAYER_ID}${variant}`)
  })
})

describe('layer rendering', () => {
  let harness: HarnessPage

  beforeAll(async () => {
    harness = await openHarness(inject('renderBaseUrl'))
  })

  afterAll(async () => {
    await harness?.close()
  })

  test.each(caseNames())('%s', async (name) => {
    const renderCase = loadCase(name)
    const { style, bounds } = caseStyle(renderCase, process.env.RENDER_BREAK === name)
    const outDir = resolve(RESULTS_DIR, name)
    rmSync(outDir, { recursive: true, force: true })
    harness.problems.length = 0
    harness.foreignRequests.length = 0

    const actual = await harness.render({
      style,
      width: SIZE,
      height: SIZE,
      bounds,
      padding: PADDING,
      localIdeographFontFamily: LOCAL_FONT_FAMILY,
    })

    expect(harness.foreignRequests, 'requests that left 127.0.0.1').toEqual([])
    expect(harness.problems, 'console problems in the harness page').toEqual([])
    if (UPDATE) {
      writeFileSync(renderCase.expectedPath, actual)
      return
    }
    if (!existsSync(renderCase.expectedPath)) {
      writePngs(outDir, { 'actual.png': actual })
      throw new Error(`${name}: no expected.png; run UPDATE_RENDER=1 npm run test:render and check the image`)
    }
    const expected = readFileSync(renderCase.expectedPath)
    const result = comparePngs(actual, expected)
    if (!result.pass) writePngs(outDir, { 'actual.png': actual, 'expected.png': expected, 'diff.png': result.diff })
    const percent = (result.fraction * 100).toFixed(2)
    expect(
      result.fraction,
      `${name}: ${result.differing} pixels (${percent} %) differ; see ${outDir}/diff.png`,
    ).toBeLessThanOrEqual(MAX_DIFF_FRACTION)
  })
})
