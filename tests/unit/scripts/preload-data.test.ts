/** The page preloads its data: the manifest, then each file it lists (low priority); a bad manifest stops the build. */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { dataPreloads } from '../../../scripts/preload-data'

describe('dataPreloads', () => {
  test('the manifest first at the default priority, then each file of the built manifest at low priority', () => {
    const manifest = JSON.parse(readFileSync('public/geo/manifest.json', 'utf8')) as { entries: { file: string }[] }
    const tags = dataPreloads(manifest)
    expect(tags.map((tag) => tag.attrs?.href)).toEqual([
      './geo/manifest.json',
      ...manifest.entries.map((entry) => `./geo/${entry.file}`),
    ])
    // The app's plain fetch() matches only a preload of the same mode: as="fetch", crossorigin.
    for (const tag of tags)
      expect(tag).toMatchObject({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous' } })
    expect(tags.map((tag) => tag.attrs?.fetchpriority ?? 'default')).toEqual([
      'default',
      ...manifest.entries.map(() => 'low'),
    ])
  })

  test('a manifest the app would refuse stops the build, saying why', () => {
    expect(() => dataPreloads({ version: 2, entries: [] })).toThrow(/preload-data: manifest.json: field "version"/)
  })
})
