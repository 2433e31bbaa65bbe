/**
 * A small PDF writer for print-ready maps (出图): pages of JPEG pictures, text, rectangles and paths, laid
 * out in millimetres from the page's top-left corner, written as PDF 1.7 with an exact cross-reference
 * table. Plain TypeScript over bytes and numbers (no DOM), so it runs in node tests and in a worker.
 *
 * Text is real text in STSong-Light (see pdf-font.ts): searchable, extractable, never embedded. Nothing
 * from the input is read as PDF syntax: text goes out only as hex strings, numbers with a fixed number of
 * decimals (a number that is not finite, or is absurdly large, is refused with an Error naming the item),
 * colours only as #rrggbb. Content streams are Flate-compressed; a JPEG is stored as it is (DCTDecode).
 */
import { zlibSync } from 'fflate'
import { readJpegFrame } from './jpeg'
import { STSONG_DESCRIPTOR, STSONG_WIDTHS, hexText, textCodes, textWidthMm, toUnicodeCMap } from './pdf-font'

export interface PdfPage {
  widthMm: number
  heightMm: number
  /** Drawn in order: later items over earlier ones. */
  items: PdfItem[]
}

export interface PdfImage {
  kind: 'image'
  /** A baseline or progressive JPEG, 8 bits, grey or YCbCr; stored unchanged. */
  jpeg: Uint8Array
  /** The JPEG's own size (checked against its frame header). */
  pixelWidth: number
  pixelHeight: number
  xMm: number
  yMm: number
  widthMm: number
  heightMm: number
}

export interface PdfText {
  kind: 'text'
  /** One line: line breaks, tabs and other control characters are written as spaces. */
  text: string
  xMm: number
  /** The baseline, from the page's top. */
  yMm: number
  sizePt: number
  /** #rrggbb; black if absent. */
  colour?: string
  /** Where xMm is: the text's left end (the default), right end or middle. */
  align?: 'left' | 'right' | 'center'
  /** The widest the text may be: a longer one is set smaller to fit. */
  maxWidthMm?: number
}

export interface PdfRect {
  kind: 'rect'
  xMm: number
  yMm: number
  widthMm: number
  heightMm: number
  fill?: string
  stroke?: string
  /** 0.25 mm if absent. */
  lineWidthMm?: number
}

export interface PdfPath {
  kind: 'path'
  /** [x, y] in mm from the page's top-left. */
  points: [number, number][]
  closed?: boolean
  fill?: string
  stroke?: string
  /** 0.25 mm if absent. */
  lineWidthMm?: number
  /** Dash and gap lengths in mm, repeated. */
  dashMm?: number[]
}

export type PdfItem = PdfImage | PdfText | PdfRect | PdfPath

export interface PdfInfo {
  title: string
  subject?: string
  creator?: string
  /** Now if absent. */
  creationDate?: Date
}

export interface PdfOptions {
  /** Flate-compress the content streams (true unless false: uncompressed is for reading the PDF by eye). */
  compress?: boolean
}

const PT_PER_MM = 72 / 25.4
/** The largest page side a PDF reader is bound to accept: 14 400 units (200 inches). */
const MAX_PAGE_PT = 14_400
const PRODUCER = '金东生态环境一张图 (jindong-eco-map)'

/** Input that cannot be written: its message names the page and item, and what is wrong. */
export class PdfInputError extends Error {
  override name = 'PdfInputError'
}

/** Formats numbers for one item, refusing (with the item's name) any that would not be plain PDF syntax. */
function numberWriter(where: string) {
  return (value: number, field: string, decimals = 2): string => {
    if (!Number.isFinite(value)) throw new PdfInputError(`${where}: ${field} is not a finite number (${value})`)
    if (Math.abs(value) > 1e7) throw new PdfInputError(`${where}: ${field} is out of range (${value})`)
    const text = value.toFixed(decimals).replace(/\.?0+$/, '')
    return text === '-0' || text === '' ? '0' : text
  }
}

function colourOperands(colour: string, where: string, field: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour)
  if (!match) throw new PdfInputError(`${where}: ${field} is not a #rrggbb colour (${JSON.stringify(colour)})`)
  return match
    .slice(1)
    .map((hex) => (parseInt(hex, 16) / 255).toFixed(3).replace(/\.?0+$/, '') || '0')
    .join(' ')
}

/** `<FEFF…>`: a text string (title, subject) as UTF-16BE with its byte-order mark. */
const hexTextString = (text: string) => `<FEFF${textCodes(text).join('')}>`
/** An ASCII string (a date) in hex, so that no literal string is ever written. */
const hexAscii = (text: string) =>
  `<${Array.from(text, (c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join('')}>`

/** D:YYYYMMDDHHmmSS+hh'mm' in the writer's local time. */
function pdfDate(date: Date): string {
  if (!Number.isFinite(date.getTime())) throw new PdfInputError('document info: creationDate is not a valid date')
  const two = (n: number) => String(n).padStart(2, '0')
  const offset = -date.getTimezoneOffset()
  const zone =
    offset === 0
      ? 'Z'
      : `${offset > 0 ? '+' : '-'}${two(Math.floor(Math.abs(offset) / 60))}'${two(Math.abs(offset) % 60)}'`
  return (
    `D:${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}` +
    `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}${zone}`
  )
}

interface ImageObject {
  number: number
  width: number
  height: number
}

interface PageContent {
  operators: string[]
  images: Map<string, number>
}

/** Refuses any number of the item that is not finite (or absurdly large), naming its field. */
function checkNumbers(item: PdfItem, where: string): void {
  const n = numberWriter(where)
  for (const [field, value] of Object.entries(item)) if (typeof value === 'number') n(value, field)
  if (item.kind !== 'path') return
  item.points.forEach(([px, py], i) => {
    n(px, `points[${i}][0]`)
    n(py, `points[${i}][1]`)
  })
  item.dashMm?.forEach((d, i) => {
    if (!(Number(n(d, `dashMm[${i}]`)) >= 0)) throw new PdfInputError(`${where}: dashMm[${i}] is negative (${d})`)
  })
  if (item.dashMm?.length && item.dashMm.every((d) => d === 0))
    throw new PdfInputError(`${where}: dashMm is all zeros (a PDF reader cannot draw that dash)`)
}

/** The operators that draw one item, in points from the page's bottom-left. */
function drawItem(
  item: PdfItem,
  where: string,
  pageHeightMm: number,
  content: PageContent,
  imageObject: (jpeg: Uint8Array, where: string) => ImageObject,
  codes: Set<string>,
): void {
  const n = numberWriter(where)
  const x = (mm: number, field: string) => n(mm * PT_PER_MM, field)
  const y = (mm: number, field: string) => n((pageHeightMm - mm) * PT_PER_MM, field)
  const out = content.operators
  checkNumbers(item, where)
  const lineStyle = (lineWidthMm = 0.25, dashMm: number[] = []) => {
    out.push(`${x(lineWidthMm, 'lineWidthMm')} w 1 j`)
    if (dashMm.length > 0) out.push(`[${dashMm.map((d, i) => x(d, `dashMm[${i}]`)).join(' ')}] 0 d`)
  }
  const paint = (fill: string | undefined, stroke: string | undefined, lineWidthMm?: number, dashMm?: number[]) => {
    if (fill !== undefined) out.push(`${colourOperands(fill, where, 'fill')} rg`)
    if (stroke !== undefined) {
      out.push(`${colourOperands(stroke, where, 'stroke')} RG`)
      lineStyle(lineWidthMm, dashMm)
    }
    return fill !== undefined && stroke !== undefined ? 'B' : fill !== undefined ? 'f' : 'S'
  }

  switch (item.kind) {
    case 'image': {
      const image = imageObject(item.jpeg, where)
      if (image.width !== item.pixelWidth || image.height !== item.pixelHeight)
        throw new PdfInputError(
          `${where}: the JPEG is ${image.width} × ${image.height} pixels, not ${item.pixelWidth} × ${item.pixelHeight}`,
        )
      const name = `Im${image.number}`
      content.images.set(name, image.number)
      const matrix = [
        x(item.widthMm, 'widthMm'),
        '0 0',
        x(item.heightMm, 'heightMm'),
        x(item.xMm, 'xMm'),
        y(item.yMm + item.heightMm, 'yMm'),
      ]
      out.push(`q ${matrix.join(' ')} cm /${name} Do Q`)
      return
    }
    case 'text': {
      const maxWidth = item.maxWidthMm
      let size = Number(n(item.sizePt, 'sizePt'))
      if (!(size > 0)) throw new PdfInputError(`${where}: sizePt must be more than 0 (${item.sizePt})`)
      if (maxWidth !== undefined) {
        n(maxWidth, 'maxWidthMm')
        const width = textWidthMm(item.text, size)
        if (width > maxWidth) size = Math.max(0.01, Math.floor((size * maxWidth * 100) / width) / 100)
      }
      const width = textWidthMm(item.text, size)
      const left = item.align === 'right' ? item.xMm - width : item.align === 'center' ? item.xMm - width / 2 : item.xMm
      const colour = colourOperands(item.colour ?? '#000000', where, 'colour')
      const position = `${x(left, 'xMm')} ${y(item.yMm, 'yMm')}`
      const codeList = textCodes(item.text)
      if (codeList.length === 0) return
      for (const code of codeList) codes.add(code)
      out.push(`BT /F1 ${n(size, 'sizePt')} Tf ${colour} rg 1 0 0 1 ${position} Tm ${hexText(item.text)} Tj ET`)
      return
    }
    case 'rect': {
      if (item.fill === undefined && item.stroke === undefined) return
      out.push('q')
      const operator = paint(item.fill, item.stroke, item.lineWidthMm)
      const box = [
        x(item.xMm, 'xMm'),
        y(item.yMm + item.heightMm, 'yMm'),
        x(item.widthMm, 'widthMm'),
        x(item.heightMm, 'heightMm'),
      ]
      out.push(`${box.join(' ')} re ${operator} Q`)
      return
    }
    case 'path': {
      if (item.points.length < 2 || (item.fill === undefined && item.stroke === undefined)) return
      out.push('q')
      const operator = paint(item.fill, item.stroke, item.lineWidthMm, item.dashMm)
      const segments = item.points.map(
        ([px, py], i) => `${x(px, `points[${i}][0]`)} ${y(py, `points[${i}][1]`)} ${i === 0 ? 'm' : 'l'}`,
      )
      out.push(`${segments.join(' ')}${item.closed ? ' h' : ''} ${operator} Q`)
      return
    }
    default:
      throw new PdfInputError(`${where}: unknown kind ${JSON.stringify((item as { kind: unknown }).kind)}`)
  }
}

/** Collects a PDF's objects and writes them with their cross-reference table. */
class PdfFile {
  private readonly encoder = new TextEncoder()
  private readonly objects: (Uint8Array[] | undefined)[] = []

  /** Reserves an object number (written later with `set`). */
  reserve(): number {
    this.objects.push(undefined)
    return this.objects.length
  }

  set(number: number, dictionary: string, stream?: Uint8Array): void {
    const parts: Uint8Array[] = [this.encoder.encode(`${number} 0 obj\n${dictionary}\n`)]
    if (stream) parts.push(this.encoder.encode('stream\n'), stream, this.encoder.encode('\nendstream\n'))
    parts.push(this.encoder.encode('endobj\n'))
    this.objects[number - 1] = parts
  }

  add(dictionary: string, stream?: Uint8Array): number {
    const number = this.reserve()
    this.set(number, dictionary, stream)
    return number
  }

  write(root: number, info: number): Uint8Array {
    // The binary comment's bytes are above 127, so a transfer that strips the eighth bit shows at once.
    const chunks: Uint8Array[] = [
      this.encoder.encode('%PDF-1.7\n'),
      new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    ]
    let offset = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
    const offsets: number[] = []
    this.objects.forEach((parts, i) => {
      if (!parts) throw new Error(`PDF object ${i + 1} was reserved but never written`)
      offsets.push(offset)
      for (const part of parts) {
        chunks.push(part)
        offset += part.length
      }
    })
    const size = this.objects.length + 1
    const xref = [
      `xref\n0 ${size}\n0000000000 65535 f \n`,
      ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`),
      `trailer\n<< /Size ${size} /Root ${root} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
    ].join('')
    chunks.push(this.encoder.encode(xref))
    const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
    let at = 0
    for (const chunk of chunks) {
      out.set(chunk, at)
      at += chunk.length
    }
    return out
  }
}

/**
 * The PDF of these pages. Throws a PdfInputError naming the page and item (`page 1, item 3 (text)`)
 * for a number that is not finite, a colour that is not #rrggbb, or bytes that are not a JPEG.
 */
export function writePdf(pages: readonly PdfPage[], info: PdfInfo, options: PdfOptions = {}): Uint8Array {
  if (pages.length === 0) throw new PdfInputError('a PDF needs at least one page')
  const compress = options.compress ?? true
  const file = new PdfFile()
  const catalog = file.reserve()
  const pageTree = file.reserve()
  const infoObject = file.reserve()
  const font = file.reserve()
  const codes = new Set<string>()
  const images = new Map<Uint8Array, ImageObject>()
  const imageObject = (jpeg: Uint8Array, where: string): ImageObject => {
    const known = images.get(jpeg)
    if (known) return known
    const frame = readJpegFrame(jpeg)
    if (typeof frame === 'string') throw new PdfInputError(`${where}: ${frame}`)
    const colourSpace = frame.components === 1 ? '/DeviceGray' : '/DeviceRGB'
    const number = file.add(
      `<< /Type /XObject /Subtype /Image /Width ${frame.width} /Height ${frame.height} ` +
        `/ColorSpace ${colourSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`,
      jpeg,
    )
    const image = { number, width: frame.width, height: frame.height }
    images.set(jpeg, image)
    return image
  }

  const kids = pages.map((page, p) => {
    const where = `page ${p + 1}`
    const n = numberWriter(where)
    for (const [field, mm] of [
      ['widthMm', page.widthMm],
      ['heightMm', page.heightMm],
    ] as const) {
      n(mm, field)
      if (!(mm > 0) || mm * PT_PER_MM > MAX_PAGE_PT)
        throw new PdfInputError(`${where}: ${field} must be more than 0 and at most 5080 mm (${mm})`)
    }
    const content: PageContent = { operators: [], images: new Map() }
    page.items.forEach((item, i) =>
      drawItem(item, `${where}, item ${i + 1} (${item.kind})`, page.heightMm, content, imageObject, codes),
    )
    const operators = new TextEncoder().encode(content.operators.join('\n'))
    const stream = compress ? zlibSync(operators, { level: 6 }) : operators
    const contents = file.add(`<< /Length ${stream.length}${compress ? ' /Filter /FlateDecode' : ''} >>`, stream)
    const xObjects = [...content.images].map(([name, number]) => `/${name} ${number} 0 R`).join(' ')
    const resources = `<< /Font << /F1 ${font} 0 R >>${xObjects ? ` /XObject << ${xObjects} >>` : ''} >>`
    return file.add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${n(page.widthMm * PT_PER_MM, 'widthMm')} ` +
        `${n(page.heightMm * PT_PER_MM, 'heightMm')}] /Resources ${resources} /Contents ${contents} 0 R >>`,
    )
  })

  const descriptor = file.add(`<< /Type /FontDescriptor ${STSONG_DESCRIPTOR} >>`)
  const cidFont = file.add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ' +
      `/FontDescriptor ${descriptor} 0 R /DW 1000 /W ${STSONG_WIDTHS} >>`,
  )
  const cmap = new TextEncoder().encode(toUnicodeCMap(codes))
  const cmapStream = compress ? zlibSync(cmap, { level: 6 }) : cmap
  const toUnicode = file.add(`<< /Length ${cmapStream.length}${compress ? ' /Filter /FlateDecode' : ''} >>`, cmapStream)
  file.set(
    font,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H ' +
      `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  )
  file.set(pageTree, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)
  file.set(catalog, `<< /Type /Catalog /Pages ${pageTree} 0 R >>`)
  const infoEntries = [
    `/Title ${hexTextString(info.title)}`,
    info.subject !== undefined ? `/Subject ${hexTextString(info.subject)}` : '',
    info.creator !== undefined ? `/Creator ${hexTextString(info.creator)}` : '',
    `/Producer ${hexTextString(PRODUCER)}`,
    `/CreationDate ${hexAscii(pdfDate(info.creationDate ?? new Date()))}`,
  ]
  file.set(infoObject, `<< ${infoEntries.filter(Boolean).join(' ')} >>`)
  return file.write(catalog, infoObject)
}
