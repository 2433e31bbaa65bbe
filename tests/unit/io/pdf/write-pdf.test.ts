/**
 * The PDF writer's file, read back object by object through its own xref table: the header and trailer,
 * exact offsets, the page's MediaBox, the font (STSong-Light, not embedded), the drawing operators in
 * points from the bottom-left, the JPEG stored unchanged, and input refused with the item named.
 */
import { describe, expect, test } from 'vitest'
import { PdfInputError, writePdf, type PdfItem, type PdfPage } from '../../../../src/io/pdf/write-pdf'
import { paperMm } from '../../../../src/settings/print-paper'
import { textWidthMm } from '../../../../src/io/pdf/pdf-font'
import { findObject, latin1, pageContents, readObject, readObjects, readXref, tinyJpeg } from './read-pdf'

const PT = 72 / 25.4
const a4 = (items: PdfItem[]): PdfPage => ({ ...paperMm('a4-landscape'), items })
const info = { title: '金东生态环境一张图', creationDate: new Date(2024, 4, 6, 7, 8, 9) }
const text = (overrides: Partial<Extract<PdfItem, { kind: 'text' }>> = {}): PdfItem => ({
  kind: 'text',
  text: '金东生态环境一张图',
  xMm: 10,
  yMm: 14,
  sizePt: 20,
  ...overrides,
})
/** The numbers of the operator `op` wherever it occurs in the content (e.g. the Tm's e and f). */
const operands = (content: string, op: string): number[][] =>
  [...content.matchAll(new RegExp(`(?<=^|\\s)((?:-?[\\d.]+ )+)${op}\\b`, 'gm'))].map((m) =>
    m[1]!.trim().split(' ').map(Number),
  )

describe('the file', () => {
  const pdf = writePdf([a4([text()]), { ...paperMm('a3-portrait'), items: [] }], info)
  const file = latin1(pdf)

  test('starts with the PDF 1.7 header and a binary comment, and ends with %%EOF', () => {
    expect(file.startsWith('%PDF-1.7\n%')).toBe(true)
    expect([...pdf.slice(10, 14)].every((byte) => byte >= 128)).toBe(true)
    expect(file.endsWith('%%EOF\n')).toBe(true)
  })

  test('every xref offset points at its "N 0 obj", and startxref at the table', () => {
    const { offsets, startxref, trailer } = readXref(pdf)
    expect(file.slice(startxref, startxref + 5)).toBe('xref\n')
    expect(offsets.length).toBeGreaterThan(8)
    offsets.forEach((offset, i) =>
      expect(file.slice(offset, offset + `${i + 1} 0 obj\n`.length)).toBe(`${i + 1} 0 obj\n`),
    )
    // Offsets are increasing and each object ends just before the next begins.
    offsets.slice(1).forEach((offset) => expect(file.slice(offset - 7, offset)).toBe('endobj\n'))
    expect(trailer).toContain(`/Size ${offsets.length + 1} `)
  })

  test('the trailer names the catalog, which names the pages, and the info dictionary', () => {
    const { trailer } = readXref(pdf)
    const root = Number(/\/Root (\d+) 0 R/.exec(trailer)![1])
    const catalog = readObject(pdf, root).dictionary
    expect(catalog).toMatch(/\/Type \/Catalog/)
    const pages = readObject(pdf, Number(/\/Pages (\d+) 0 R/.exec(catalog)![1])).dictionary
    expect(pages).toMatch(/\/Type \/Pages .*\/Count 2/)
    const infoDictionary = readObject(pdf, Number(/\/Info (\d+) 0 R/.exec(trailer)![1])).dictionary
    expect(infoDictionary).toContain('/Title <FEFF91D14E1C751F600173AF58834E005F2056FE>')
    expect(infoDictionary).toMatch(/\/Producer <FEFF[0-9A-F]+>/)
    const date = Buffer.from(/\/CreationDate <([0-9A-F]+)>/.exec(infoDictionary)![1]!, 'hex').toString('latin1')
    expect(date).toMatch(/^D:20240506070809(Z|[+-]\d\d'\d\d')$/)
  })

  test("each page's MediaBox is its paper in points: A4 landscape 841.89 × 595.28, A3 upright", () => {
    const pages = readObjects(pdf).filter((o) => o.dictionary.includes('/Type /Page '))
    expect(pages.map((p) => /\/MediaBox \[([^\]]+)\]/.exec(p.dictionary)![1])).toEqual([
      '0 0 841.89 595.28',
      '0 0 841.89 1190.55',
    ])
  })

  test('the font is STSong-Light through UniGB-UTF16-H, with half-width ASCII, and is not embedded', () => {
    const type0 = findObject(pdf, /\/Subtype \/Type0/).dictionary
    expect(type0).toContain('/BaseFont /STSong-Light')
    expect(type0).toContain('/Encoding /UniGB-UTF16-H')
    expect(type0).toMatch(/\/ToUnicode \d+ 0 R/)
    const cid = findObject(pdf, /\/Subtype \/CIDFontType0/).dictionary
    expect(cid).toContain('/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>')
    expect(cid).toContain('/DW 1000 /W [1 95 500 814 939 500 7712 7716 500 22355 22357 500]')
    const descriptor = findObject(pdf, /\/Type \/FontDescriptor/).dictionary
    expect(descriptor).toContain('/FontName /STSong-Light')
    expect(file).not.toMatch(/FontFile/)
  })

  test('content streams are Flate-compressed, or plain when asked', () => {
    const page = findObject(pdf, /\/Type \/Page /)
    const contents = readObject(pdf, Number(/\/Contents (\d+) 0 R/.exec(page.dictionary)![1])).dictionary
    expect(contents).toContain('/Filter /FlateDecode')
    const plain = writePdf([a4([text()])], info, { compress: false })
    expect(latin1(plain)).toContain('<91D14E1C751F600173AF58834E005F2056FE> Tj')
    expect(latin1(plain)).not.toContain('FlateDecode')
  })

  test('the same pages and info give the same bytes', () => {
    expect(writePdf([a4([text()]), { ...paperMm('a3-portrait'), items: [] }], info)).toEqual(pdf)
  })
})

describe('drawing, in points from the bottom-left', () => {
  const H = 210 * PT

  test('text sits on its baseline, measured from the top, as a hex string of UTF-16 code units', () => {
    const [content] = pageContents(writePdf([a4([text({ colour: '#ffffff' })])], info))
    expect(content).toContain(
      'BT /F1 20 Tf 1 1 1 rg 1 0 0 1 28.35 555.59 Tm <91D14E1C751F600173AF58834E005F2056FE> Tj ET',
    )
    const [[, , , , x, y]] = operands(content!, 'Tm') as [number[]]
    expect(x).toBeCloseTo(10 * PT, 2)
    expect(y).toBeCloseTo(H - 14 * PT, 2)
  })

  test('right and centred text end at, or straddle, xMm by the width textWidthMm gives', () => {
    const label = '比例尺 1:50,000'
    const [content] = pageContents(
      writePdf(
        [
          a4([
            text({ text: label, xMm: 287, sizePt: 10, align: 'right' }),
            text({ text: label, xMm: 148.5, sizePt: 10, align: 'center' }),
          ]),
        ],
        info,
      ),
    )
    const width = textWidthMm(label, 10)
    expect(width).toBeCloseTo((7.5 * 10) / PT, 6) // 3 characters at 1 em, 9 at 0.5 em
    const [right, centre] = operands(content!, 'Tm')
    expect(right![4]).toBeCloseTo((287 - width) * PT, 1)
    expect(centre![4]).toBeCloseTo((148.5 - width / 2) * PT, 1)
  })

  test('text wider than maxWidthMm is set smaller, to fit', () => {
    const long = '金东区生态环境质量监测点位分布图（2022年）'
    const [content] = pageContents(writePdf([a4([text({ text: long, sizePt: 20, maxWidthMm: 60 })])], info))
    const [[size]] = operands(content!, 'Tf') as [number[]]
    expect(size).toBeLessThan(20)
    expect(textWidthMm(long, size!)).toBeLessThanOrEqual(60)
    expect(textWidthMm(long, size! + 0.05)).toBeGreaterThan(60)
    const [fits] = pageContents(writePdf([a4([text({ sizePt: 20, maxWidthMm: 200 })])], info))
    expect(operands(fits!, 'Tf')).toEqual([[20]])
  })

  test('a rectangle is placed by its lower-left corner, filled and stroked', () => {
    const rect: PdfItem = {
      kind: 'rect',
      xMm: 10,
      yMm: 20,
      widthMm: 30,
      heightMm: 40,
      fill: '#14402a',
      stroke: '#ff0000',
      lineWidthMm: 0.5,
    }
    const [content] = pageContents(writePdf([a4([rect])], info))
    expect(content).toContain('0.078 0.251 0.165 rg')
    expect(content).toContain('1 0 0 RG')
    expect(content).toContain('1.42 w')
    const [[x, y, w, h]] = operands(content!, 're') as [number[]]
    expect([x, w, h]).toEqual([28.35, 85.04, 113.39])
    expect(y).toBeCloseTo(H - 60 * PT, 2)
    expect(content).toMatch(/re B Q/)
  })

  test('a path goes through its points, flipped, dashed in points, closed when asked', () => {
    const path: PdfItem = {
      kind: 'path',
      points: [
        [10, 100],
        [50, 120],
        [80, 100],
      ],
      closed: true,
      stroke: '#000000',
      dashMm: [2, 1],
    }
    const [content] = pageContents(writePdf([a4([path])], info))
    expect(operands(content!, 'm')).toEqual([[28.35, Number((H - 100 * PT).toFixed(2))]])
    expect(operands(content!, 'l')).toEqual([
      [141.73, Number((H - 120 * PT).toFixed(2))],
      [226.77, Number((H - 100 * PT).toFixed(2))],
    ])
    expect(content).toContain('[5.67 2.83] 0 d')
    expect(content).toMatch(/ h S Q/)
    const [open] = pageContents(writePdf([a4([{ ...path, closed: false, fill: '#00ff00', stroke: undefined }])], info))
    expect(open).toMatch(/l f Q/)
    expect(open).not.toMatch(/ h /)
  })

  test('items are drawn in their order', () => {
    const [content] = pageContents(
      writePdf([a4([{ kind: 'rect', xMm: 0, yMm: 0, widthMm: 297, heightMm: 20, fill: '#14402a' }, text()])], info),
    )
    expect(content!.indexOf(' re ')).toBeLessThan(content!.indexOf(' Tj '))
  })
})

describe('the picture', () => {
  const payload = Array.from({ length: 200 }, (_, i) => (i * 37) & 255)
  const jpeg = tinyJpeg(640, 480, payload)
  const image: PdfItem = {
    kind: 'image',
    jpeg,
    pixelWidth: 640,
    pixelHeight: 480,
    xMm: 10,
    yMm: 30,
    widthMm: 200,
    heightMm: 150,
  }

  test('is stored byte for byte as a DCTDecode image of its pixel size, placed with cm and Do', () => {
    const pdf = writePdf([a4([image])], info)
    const object = findObject(pdf, /\/Subtype \/Image/)
    expect(object.dictionary).toContain('/Width 640 /Height 480 /ColorSpace /DeviceRGB /BitsPerComponent 8')
    expect(object.dictionary).toContain('/Filter /DCTDecode')
    expect(object.stream).toEqual(jpeg)
    expect(latin1(pdf)).toContain(latin1(jpeg))
    const [content] = pageContents(pdf)
    const name = /\/(Im\d+) Do/.exec(content!)![1]
    expect(findObject(pdf, /\/Type \/Page /).dictionary).toMatch(new RegExp(`/XObject << /${name} \\d+ 0 R >>`))
    const [[w, b, c, h, x, y]] = operands(content!, 'cm') as [number[]]
    expect([w, b, c, h, x]).toEqual([566.93, 0, 0, 425.2, 28.35])
    expect(y).toBeCloseTo((210 - 180) * PT, 2) // its lower edge: 30 + 150 mm from the top
  })

  test('used twice, it is stored once', () => {
    const pdf = writePdf([a4([image, { ...image, xMm: 100 }]), a4([image])], info)
    expect(readObjects(pdf).filter((o) => o.dictionary.includes('/Subtype /Image'))).toHaveLength(1)
  })

  test('a grey JPEG is DeviceGray', () => {
    const grey = { ...image, jpeg: tinyJpeg(640, 480, [], 1) }
    expect(findObject(writePdf([a4([grey])], info), /\/Subtype \/Image/).dictionary).toContain('/DeviceGray')
  })

  test('a PNG, a CMYK JPEG or a JPEG of another size is refused, naming the item', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(() => writePdf([a4([text(), { ...image, jpeg: png }])], info)).toThrow(
      /page 1, item 2 \(image\): not a JPEG/,
    )
    expect(() => writePdf([a4([{ ...image, jpeg: tinyJpeg(640, 480, [], 4) }])], info)).toThrow(/4 colour components/)
    expect(() => writePdf([a4([{ ...image, pixelWidth: 641 }])], info)).toThrow(
      /page 1, item 1 \(image\): the JPEG is 640 × 480 pixels, not 641 × 480/,
    )
  })
})

describe('input is never read as PDF syntax', () => {
  test('text with ( ) \\ and line breaks goes out as hex, the breaks as spaces', () => {
    const pdf = writePdf([a4([text({ text: 'a)(b\\c\nd\r\ne\tf' })])], info, { compress: false })
    const [content] = pageContents(pdf)
    const expected = Buffer.from('a)(b\\c d e f', 'utf16le').swap16().toString('hex').toUpperCase()
    expect(content).toContain(`<${expected}> Tj`)
    // The only literal strings in the whole file are the font's own constants.
    expect(latin1(pdf).match(/\([^)]*\)/g)).toEqual(['(Adobe)', '(GB1)', '(Adobe)', '(UCS)'])
  })

  test('a character outside the BMP is one 4-byte code (a surrogate pair), mapped back in /ToUnicode', () => {
    const pdf = writePdf([a4([text({ text: '𠀀区' })])], info)
    expect(pageContents(pdf)[0]).toContain('<D840DC00533A> Tj')
    const toUnicode = Number(/\/ToUnicode (\d+) 0 R/.exec(findObject(pdf, /\/Subtype \/Type0/).dictionary)![1])
    const cmap = latin1(readObject(pdf, toUnicode).stream!)
    expect(cmap).toContain('<D840DC00> <D840DC00>')
    expect(cmap).toContain('<533A> <533A>')
    expect(cmap).toContain('<D800DC00> <DBFFDFFF>')
  })

  test('a NaN or infinite number is refused with the page, item and field', () => {
    expect(() => writePdf([a4([text(), text({ yMm: NaN })])], info)).toThrow(
      new PdfInputError('page 1, item 2 (text): yMm is not a finite number (NaN)'),
    )
    const path: PdfItem = {
      kind: 'path',
      points: [
        [0, 0],
        [Infinity, 1],
      ],
      stroke: '#000000',
    }
    expect(() => writePdf([a4([]), a4([path])], info)).toThrow(
      /page 2, item 1 \(path\): points\[1\]\[0\] is not a finite/,
    )
    const rect: PdfItem = { kind: 'rect', xMm: 0, yMm: 0, widthMm: 1, heightMm: 1, fill: '#000' }
    expect(() => writePdf([a4([rect])], info)).toThrow(/page 1, item 1 \(rect\): fill is not a #rrggbb colour/)
    expect(() => writePdf([a4([{ ...rect, fill: undefined, stroke: '#000000', lineWidthMm: NaN }])], info)).toThrow(
      /item 1 \(rect\): lineWidthMm is not a finite number/,
    )
    expect(() => writePdf([a4([text({ sizePt: 1e300 })])], info)).toThrow(/sizePt is out of range/)
    expect(() => writePdf([{ widthMm: NaN, heightMm: 210, items: [] }], info)).toThrow(/page 1: widthMm/)
    expect(() => writePdf([a4([text({ sizePt: 0 })])], info)).toThrow(/sizePt must be more than 0/)
    expect(() => writePdf([], info)).toThrow(/at least one page/)
  })

  test('numbers never have an exponent', () => {
    const [content] = pageContents(writePdf([a4([text({ xMm: 1e-9, yMm: 1234567.891 })])], info))
    expect(content).toMatch(/1 0 0 1 0 -3498967.25 Tm/)
  })
})
