// decodeText: UTF-8 first (a BOM dropped), else GBK, counting the characters neither could read.
import { describe, expect, test } from 'vitest'
import { decodeText } from '../../../../src/user-data/import/decode-text'
import { encodeGbk } from '../../../fixtures/support/gbk'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('decodeText', () => {
  test('UTF-8 first (a BOM is dropped), else GBK, counting what neither could read', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a', encoding: 'utf-8', undecodable: 0 })
    // 金东 in GBK
    expect(decodeText(bytes(0xbd, 0xf0, 0xb6, 0xab))).toEqual({ text: '金东', encoding: 'gbk', undecodable: 0 })
    // 0x81 followed by a space is no GBK character: one U+FFFD each time.
    expect(decodeText(bytes(0xbd, 0xf0, 0x81, 0x20, 0x81, 0x20))).toEqual({
      text: '金\ufffd \ufffd ',
      encoding: 'gbk',
      undecodable: 2,
    })
    expect(decodeText(bytes(0x81, 0x20, 0x81, 0x20, 0x81, 0x20)).undecodable).toBe(3)
  })

  test('UTF-8 with and without BOM, else GBK', () => {
    expect(decodeText(utf8('\uFEFF经度'))).toEqual({ text: '经度', encoding: 'utf-8', undecodable: 0 })
    expect(decodeText(utf8('经度'))).toEqual({ text: '经度', encoding: 'utf-8', undecodable: 0 })
    expect(decodeText(encodeGbk('经度,纬度'))).toEqual({ text: '经度,纬度', encoding: 'gbk', undecodable: 0 })
  })
})

const utf8 = (text: string) => new TextEncoder().encode(text)
