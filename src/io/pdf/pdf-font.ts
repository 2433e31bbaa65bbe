/**
 * The one font of a print-ready map: STSong-Light, the standard Chinese CID font that every PDF reader
 * supplies itself (Adobe-GB1), addressed through the UniGB-UTF16-H CMap so that a character code is the
 * text's own UTF-16BE code units (surrogate pairs as one 4-byte code). It is not embedded: a CJK font is
 * megabytes. A /ToUnicode CMap lists every code the document uses, so text extracts (and searches) as
 * written, even a character that Adobe-GB1 has no glyph for (it shows as the reader's blank glyph).
 *
 * Widths follow /DW 1000 and /W: under UniGB-UTF16-H the half-width CIDs are reached from U+0020–U+007E,
 * U+00A0, U+00A9 ©, U+2002, U+2122 ™ and U+303F (checked against Adobe's UniGB-UTF16-H, Supplement 5);
 * every other character, unmapped ones included (CID 0), is 1 em.
 */

/** The widths' array: CIDs 1–95 (ASCII), 814–939 (half-width Latin), 7712–7716 and 22355–22357 at 500. */
export const STSONG_WIDTHS = '[1 95 500 814 939 500 7712 7716 500 22355 22357 500]'

/** The usual STSong-Light metrics (as in ReportLab and PDF::API2), in 1/1000 em. */
export const STSONG_DESCRIPTOR =
  '/FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 ' +
  '/Ascent 752 /Descent -271 /CapHeight 737 /StemV 58'

const HALF_WIDTH = new Set([0xa0, 0xa9, 0x2002, 0x2122, 0x303f])

const isHalfWidth = (codePoint: number) => (codePoint >= 0x20 && codePoint <= 0x7e) || HALF_WIDTH.has(codePoint)

/**
 * The text as it is written: a text item is one line, so a line break (\r\n, \n, \r), a tab and every
 * other control character becomes one space; a lone surrogate becomes U+FFFD.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

/** The text's width in em: 0.5 for the half-width characters, 1 for every other one (a pair counts once). */
export function textWidthEm(text: string): number {
  let em = 0
  for (const char of normaliseText(text)) em += isHalfWidth(char.codePointAt(0)!) ? 0.5 : 1
  return em
}

/** The text's width in mm at `sizePt`, as the PDF's widths lay it out (for right-aligning and fitting). */
export function textWidthMm(text: string, sizePt: number): number {
  return (textWidthEm(text) * sizePt * 25.4) / 72
}

/** The character codes of the (normalised) text: its UTF-16 code units, a surrogate pair as one code. */
export function textCodes(text: string): string[] {
  const codes: string[] = []
  for (const char of normaliseText(text)) {
    codes.push(
      Array.from({ length: char.length }, (_, i) =>
        char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0'),
      ).join(''),
    )
  }
  return codes
}

/** The text as a PDF hex string of UTF-16BE code units: `<4E2D6587>`. */
export function hexText(text: string): string {
  return `<${textCodes(text).join('')}>`
}

/** A /ToUnicode CMap mapping each code used (hex, as textCodes gives them) to the same UTF-16 text. */
export function toUnicodeCMap(codes: Iterable<string>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
  const blocks: string[] = []
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100)
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map((c) => `<${c}> <${c}>`).join('\n')}\nendbfchar`)
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '3 begincodespacerange',
    '<0000> <D7FF>',
    '<D800DC00> <DBFFDFFF>',
    '<E000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n')
}
