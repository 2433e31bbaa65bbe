/**
 * The message files: zh-CN and en have the same keys, no empty text, the same named parameters,
 * and every key the app asks for — literally, or built from a known set of values — exists in both.
 */
import type { RefusedRow, UserTableKind } from '../../../src/user-data/tables/user-table'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import zhCN from '../../../src/i18n/zh-CN'
import en from '../../../src/i18n/en'
import { AFTER_FIRST_VIEW_MESSAGES } from '../../../src/i18n/parts/after-first-view'
import { AFTER_FIRST_VIEW_MODULE, PART_MODULES, withParts } from '../support/messages'
import { MATRIX_SET_KINDS, SERVICE_KINDS } from '../../../src/domain/services/service-types'
import { PRINT_PAPERS } from '../../../src/settings/print-paper'
import { DRAW_TOOLS, MEASURE_TOOLS } from '../../../src/stores/sketch'
import { REPORT_TOPICS } from '../../../src/domain/report/report'
import type { Provenance } from '../../../src/domain/types'
import type { HeatmapState, Pollutant } from '../../../src/stores/layers'
import type { KeptPersistence } from '../../../src/stores/kept'
import type { ImportPhase } from '../../../src/user-data/import/types'
import type { TourStatus } from '../../../src/presentation/tour-runner'
import { IMPORT_TEMPLATES } from '../../../src/user-data/templates/import-templates'
import type { JoinRowProblem } from '../../../src/user-data/tables/name-join'
import type { SheetSection } from '../../../src/composables/use-phone-sheet'
import { SHEET_SNAPS } from '../../../src/settings/layout'
import { TOOL_TABS } from '../../../src/settings/tool-tabs'
import { PICTURE_PAGES } from '../../../src/settings/picture-pages'
import { APPLIED_STANDARDS } from '../../../src/settings/applied-standards'
import { CLASSIFICATION_METHODS } from '../../../src/domain/classification/classify'
import type { WarningKind, WarningSeverity } from '../../../src/domain/warnings/warnings'

type Messages = { readonly [key: string]: string | Messages }

/** Every leaf as "a.b.c" → text; a value that is neither text nor an object is reported as such. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') for (const entry of flatten(value, path)) out.set(...entry)
    else out.set(path, value)
  }
  return out
}

const LOCALES = {
  'zh-CN': flatten(withParts(zhCN as Messages, 'zh-CN') as Messages),
  en: flatten(withParts(en as Messages, 'en') as Messages),
}
/** The first view's own keys, and the after-first-view part's. */
const FIRST_VIEW_KEYS = flatten(zhCN as Messages)
const AFTER_FIRST_VIEW_KEYS = flatten(
  Object.fromEntries(Object.entries(AFTER_FIRST_VIEW_MESSAGES).map(([name, part]) => [name, part['zh-CN']])),
)
const has = (key: string) => LOCALES['zh-CN'].has(key) && LOCALES.en.has(key)
const params = (text: unknown) => [...String(text).matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]).sort()

/** Values of the keys the app builds at run time, e.g. t(`provenance.${p}`); each list is complete for its type. */
const keysOf = <T extends string>(values: Record<T, true>) => Object.keys(values) as T[]
const DYNAMIC: Record<string, readonly string[]> = {
  'provenance.': keysOf<Provenance>({ official: true, 'open-data': true, approximate: true, sample: true, user: true }),
  'provenanceHelp.': keysOf<Provenance>({
    official: true,
    'open-data': true,
    approximate: true,
    sample: true,
    user: true,
  }),
  'kept.persistence.': keysOf<Exclude<KeptPersistence, 'unknown'>>({ granted: true, refused: true, unsupported: true }),
  'heatmap.pollutants.': keysOf<Pollutant>({ pm25: true, pm10: true, o3_8h: true, aqi: true }),
  'heatmap.kinds.': keysOf<HeatmapState['inspectionKinds'][number]>({
    inspection: true,
    case: true,
    transferred: true,
  }),
  'import.phase.': keysOf<ImportPhase>({ reading: true, parsing: true, validating: true, converting: true }),
  'present.': keysOf<TourStatus>({ playing: true, paused: true, stopped: true }),
  'overview.topics.': REPORT_TOPICS,
  'formats.templates.': IMPORT_TEMPLATES.map((template) => template.kind),
  'formats.join.': keysOf<JoinRowProblem['kind']>({ unmatched: true, duplicate: true, ambiguous: true, empty: true }),
  'a11y.sections.': keysOf<SheetSection>({ panel: true, layers: true, analysis: true, data: true }),
  'tools.': TOOL_TABS,
  'measure.tool.': [...MEASURE_TOOLS, ...DRAW_TOOLS],
  'print.papers.': PRINT_PAPERS,
  'services.kinds.': ['auto', ...SERVICE_KINDS],
  'services.matrixKind.': MATRIX_SET_KINDS,
  'legend.': CLASSIFICATION_METHODS,
  'export.pages.': PICTURE_PAGES,
  'aboutData.standardsList.': APPLIED_STANDARDS,
  'a11y.snaps.': SHEET_SNAPS,
  'warnings.severity.': keysOf<WarningSeverity>({ high: true, medium: true, notice: true }),
  'warnings.kind.': keysOf<WarningKind>({ 'air-daily': true, 'air-monthly-mean': true, 'water-class': true }),
  'warnings.columns.': ['severity', 'date', 'place', 'town', 'kind', 'detail', 'value', 'limit', 'provenance'],
  'tables.heading.': keysOf<UserTableKind>({ readings: true, inspections: true }),
  'tables.use.': keysOf<UserTableKind>({ readings: true, inspections: true }),
  'tables.refused.': keysOf<RefusedRow['reason']>({
    'no-station': true,
    'station-not-found': true,
    'bad-date': true,
    'other-year': true,
    'outside-months': true,
    duplicate: true,
    'no-value': true,
    'bad-value': true,
    'unknown-kind': true,
    'no-place': true,
    'place-not-found': true,
  }),
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(entry.name) ? [path] : []
  })
}

const root = fileURLToPath(new URL('../../..', import.meta.url))
const sources = sourceFiles(join(root, 'src')).map((path) => ({
  file: relative(root, path),
  text: readFileSync(path, 'utf8'),
}))

/** t('a.b'), $t("a.b"), t(`a.b`) and inBoth('a.b', …): the literal keys; t(`a.${x}`): the prefix before `${`. */
const LITERAL = /(?<![\w$])(?:\$?t|inBoth)\(\s*(['"`])([\w.-]+)\1/g
const DYNAMIC_KEY = /(?<![\w$])\$?t\(\s*`([\w.-]*)\$\{/g

describe('message files', () => {
  test('zh-CN and en have exactly the same keys', () => {
    expect([...LOCALES.en.keys()].sort()).toEqual([...LOCALES['zh-CN'].keys()].sort())
  })

  test('every message is non-empty text', () => {
    for (const [locale, messages] of Object.entries(LOCALES))
      for (const [key, text] of messages) {
        expect(typeof text, `${locale} ${key}`).toBe('string')
        expect(String(text).trim(), `${locale} ${key}`).not.toBe('')
      }
  })

  test('English uses ASCII punctuation: no full-width or curly quotes, brackets, commas or stops', () => {
    // A Chinese font draws “”（），。： wide; in an English sentence they read as stray gaps.
    for (const [key, text] of LOCALES.en) expect(String(text), key).not.toMatch(/[“”‘’（），。：；、]/)
  })

  test('both languages take the same named parameters', () => {
    for (const [key, text] of LOCALES['zh-CN']) expect(params(LOCALES.en.get(key)), key).toEqual(params(text))
  })

  test('the scan finds the keys it should (guards the regular expressions)', () => {
    const found = sources.flatMap(({ text }) => [...text.matchAll(LITERAL)].map((m) => m[2]))
    expect(found).toContain('app.title')
    expect(found).toContain('common.month')
    expect(found).toContain('notice.basemapFailed')
    const prefixes = sources.flatMap(({ text }) => [...text.matchAll(DYNAMIC_KEY)].map((m) => m[1]))
    expect(prefixes).toContain('provenance.')
    expect(prefixes).toContain('overview.topics.')
  })

  test('every key used literally in src exists in both languages', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(LITERAL)].map((m) => m[2]!).flatMap((key) => (has(key) ? [] : [`${file}: ${key}`])),
    )
    expect(missing).toEqual([])
  })

  test('a file that reads a message of a part loaded later imports that part (the first view carries none)', () => {
    const partOf = (key: string): string | null => {
      if (FIRST_VIEW_KEYS.has(key)) return null
      if (AFTER_FIRST_VIEW_KEYS.has(key)) return AFTER_FIRST_VIEW_MODULE
      return PART_MODULES[key.split('.')[0]!] ?? null
    }
    const missing = sources.flatMap(({ file, text }) => {
      const literal = [...text.matchAll(LITERAL)].map((m) => m[2]!)
      const built = [...text.matchAll(DYNAMIC_KEY)].flatMap(([, prefix]) =>
        (DYNAMIC[prefix!] ?? []).map((value) => `${prefix}${value}`),
      )
      const modules = new Set([...literal, ...built].flatMap((key) => partOf(key) ?? []))
      return [...modules].filter((module) => !text.includes(`${module}'`)).map((module) => `${file} needs ${module}`)
    })
    expect(missing).toEqual([])
  })

  test('the after-first-view part holds only keys the first view does not read', () => {
    expect(AFTER_FIRST_VIEW_KEYS.size).toBeGreaterThan(100)
    expect([...AFTER_FIRST_VIEW_KEYS.keys()].filter((key) => FIRST_VIEW_KEYS.has(key))).toEqual([])
  })

  test('every key built at run time exists in both languages for each value', () => {
    for (const { file, text } of sources)
      for (const [, prefix] of text.matchAll(DYNAMIC_KEY)) {
        const values = DYNAMIC[prefix!]
        expect(values, `${file}: t(\`${prefix}\${…}\`) — list its values in DYNAMIC`).toBeDefined()
        for (const value of values ?? []) expect(has(`${prefix}${value}`), `${file}: ${prefix}${value}`).toBe(true)
      }
  })
})
