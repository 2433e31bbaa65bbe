/**
 * Render cases on disk: tests/render/cases/<case>/. A case named after a layer id renders that layer;
 * `<layer-id>--<variant>` renders the same layer with its own context.json, and takes its base case's
 * fixtures for any source it has no <source>.geojson of its own. A `user-layer` case draws a layer a
 * user loaded, styled by its user-style.json (see user-layer.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FeatureCollection } from 'geojson'
import type { RenderContext } from './specs'

export const CASES_DIR = resolve(import.meta.dirname, '../cases')

export const DEFAULT_CONTEXT: RenderContext = {
  locale: 'zh-CN',
  opacity: 1,
  selectedKey: null,
  choropleth: null,
  theme: 'light',
}

export interface RenderCase {
  name: string
  layerId: string
  dir: string
  context: RenderContext
  expectedPath: string
  /** A user layer's style as a project file holds it (user-style.json); undefined without one. */
  userStyle: unknown
  /** The fixture of a source, from this case's folder or its base case's; undefined if neither has one. */
  fixture(source: string): FeatureCollection | undefined
}

export function layerIdOf(caseName: string): string {
  return caseName.split('--')[0] as string
}

export function caseNames(): string[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

export function loadCase(name: string): RenderCase {
  const dir = join(CASES_DIR, name)
  const layerId = layerIdOf(name)
  const contextPath = join(dir, 'context.json')
  const overrides = existsSync(contextPath) ? (JSON.parse(readFileSync(contextPath, 'utf8')) as object) : {}
  const userStylePath = join(dir, 'user-style.json')
  return {
    name,
    layerId,
    dir,
    context: { ...DEFAULT_CONTEXT, ...overrides },
    expectedPath: join(dir, 'expected.png'),
    userStyle: existsSync(userStylePath) ? (JSON.parse(readFileSync(userStylePath, 'utf8')) as unknown) : undefined,
    fixture(source) {
      const path = [join(dir, `${source}.geojson`), join(CASES_DIR, layerId, `${source}.geojson`)].find(existsSync)
      return path ? (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection) : undefined
    },
  }
}
