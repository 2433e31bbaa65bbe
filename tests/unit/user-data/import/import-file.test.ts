// importBytes (import-file.ts), the engine end to end: the structural net for GeoJSON, and text that
// is neither UTF-8 nor GBK.
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('importBytes', () => {
  const feature = (extra: Record<string, unknown>) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [119.7, 29.1] },
    ...extra,
  })

  test('GeoJSON goes through the structural net: a bad bbox member is refused', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature({}), feature({ bbox: 'x' })] })
    const result = await importBytes(utf8(text), { fileName: 'a.geojson', declaredCrs: 'auto' })
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        featureIndex: 1,
        expected: 'valid GeoJSON',
        message: {
          zh: 'GeoJSON 检查未通过：not valid GeoJSON: at 0: bbox must be an array',
          en: 'GeoJSON check failed: not valid GeoJSON: at 0: bbox must be an array',
        },
      }),
    ])
  })

  test('text that is neither UTF-8 nor GBK: read anyway, with a warning counting the characters lost', async () => {
    // 0x81 followed by a space is no GBK character.
    const bytes = new Uint8Array([...utf8('lng,lat,name\n119.7,29.1,'), 0x81, 0x20, 0x81, 0x20, 0x0a])
    const result = await importBytes(bytes, { fileName: 'a.csv', declaredCrs: 'auto' })
    expect(result.encoding).toBe('gbk')
    expect(result.featureCount).toBe(1)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'a.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '2 undecodable characters',
        expected: 'UTF-8 or GBK text',
        message: {
          zh: '文件既不是 UTF-8 也不是 GBK，有 2 个字符无法识别（显示为 �）',
          en: 'the file is neither UTF-8 nor GBK: 2 characters could not be decoded (shown as �)',
        },
      },
    ])
  })
})
