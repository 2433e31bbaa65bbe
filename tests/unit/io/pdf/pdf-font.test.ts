/**
 * The font's side of the writer: the widths textWidthMm lays text out with (those the PDF's /W gives
 * the reader), the text as UTF-16 codes, and the /ToUnicode CMap that maps them back.
 */
import { describe, expect, test } from 'vitest'
import {
  hexText,
  normaliseText,
  textCodes,
  textWidthEm,
  textWidthMm,
  toUnicodeCMap,
} from '../../../../src/io/pdf/pdf-font'

describe('widths', () => {
  test('printable ASCII is half an em, Chinese and full-width punctuation a whole one', () => {
    expect(textWidthEm('Jindong 1:50,000 ~')).toBe(9)
    expect(textWidthEm('金东生态环境一张图')).toBe(9)
    expect(textWidthEm('审图号：浙S(2022)123号')).toBe(6 + 10 * 0.5)
  })

  test('the half-width CIDs reached from outside ASCII (©, ™, no-break space) are half an em too', () => {
    expect(textWidthEm('© ™\u00a0')).toBe(2)
    expect(textWidthEm('°±')).toBe(2)
  })

  test('a character outside the BMP is one code, one em; a line break is a space', () => {
    expect(textWidthEm('𠀀')).toBe(1)
    expect(textWidthEm('a\r\nb\tc')).toBe(2.5)
  })

  test('in mm at a size in points: 1 em of 72 pt is 25.4 mm', () => {
    expect(textWidthMm('国', 72)).toBeCloseTo(25.4, 9)
    expect(textWidthMm('ab', 10)).toBeCloseTo((10 * 25.4) / 72, 9)
  })
})

describe('codes', () => {
  test('UTF-16BE code units in hex, a surrogate pair as one 4-byte code', () => {
    expect(hexText('中文')).toBe('<4E2D6587>')
    expect(textCodes('A𠀀区')).toEqual(['0041', 'D840DC00', '533A'])
  })

  test('controls become spaces (\\r\\n as one), lone surrogates U+FFFD', () => {
    expect(normaliseText('a\r\nb\nc\rd\te\u0000f\u007fg')).toBe('a b c d e f g')
    expect(normaliseText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz')
    expect(hexText('\ud840')).toBe('<FFFD>')
  })

  test('the ToUnicode CMap maps every code to itself, in blocks of at most 100', () => {
    const codes = Array.from({ length: 150 }, (_, i) => (0x4e00 + i).toString(16).toUpperCase())
    const cmap = toUnicodeCMap([...codes, 'D840DC00', '0041', '0041'])
    expect(cmap.match(/(\d+) beginbfchar/g)).toEqual(['100 beginbfchar', '52 beginbfchar'])
    expect(cmap).toContain('<0041> <0041>\n<4E00> <4E00>')
    expect(cmap).toContain('<D840DC00> <D840DC00>\nendbfchar')
    expect(cmap).toContain('/CMapType 2 def')
  })
})
