/** The build's gzip copies: beside each text file worth compressing, and only those; each reads back as the file. */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, test } from 'vitest'
import { precompress, precompressPlugin } from '../../../scripts/precompress'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const text = (n: number) => 'const 东关桥 = { class: "III" };\n'.repeat(n)

describe('precompress', () => {
  test('writes a .gz beside each compressible file of 1 kB or more, in subfolders too', () => {
    dir = mkdtempSync(join(tmpdir(), 'jd-precompress-'))
    mkdirSync(join(dir, 'assets'))
    mkdirSync(join(dir, 'geo'))
    writeFileSync(join(dir, 'assets', 'index-abc.js'), text(200))
    writeFileSync(join(dir, 'geo', 'towns.geojson'), `{"type":"FeatureCollection","features":[${'{},'.repeat(600)}{}]}`)
    writeFileSync(join(dir, 'assets', 'small-abc.js'), text(5))
    writeFileSync(join(dir, 'assets', 'picture.png'), text(200))
    writeFileSync(join(dir, 'assets', 'index-abc.js.map'), text(200))
    // Random bytes do not compress: a copy would not be smaller.
    writeFileSync(join(dir, 'geo', 'noise.json'), randomBytes(4096))

    const written = precompress(dir).map((file) => file.slice(dir.length + 1))

    expect(written.sort()).toEqual(['assets/index-abc.js.gz', 'geo/towns.geojson.gz'])
    for (const file of ['assets/index-abc.js', 'geo/towns.geojson'])
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`)))).toEqual(readFileSync(join(dir, file)))
    expect(existsSync(join(dir, 'geo', 'noise.json.gz'))).toBe(false)
  })
})

describe('precompressPlugin', () => {
  test('compresses the output folder the build names, relative to the root or absolute', () => {
    dir = mkdtempSync(join(tmpdir(), 'jd-precompress-out-'))
    writeFileSync(join(dir, 'index-abc.js'), text(200))
    for (const [root, outDir] of [
      ['/somewhere/else', dir],
      [dir, '.'],
    ] as const) {
      rmSync(join(dir, 'index-abc.js.gz'), { force: true })
      const plugin = precompressPlugin()
      const configResolved = plugin.configResolved as (config: unknown) => void
      const closeBundle = plugin.closeBundle as () => void
      configResolved({ root, build: { outDir } })
      closeBundle()
      expect(existsSync(join(dir, 'index-abc.js.gz'))).toBe(true)
    }
  })
})
