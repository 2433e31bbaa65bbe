/**
 * What a PDF needs to know of a JPEG it stores as is (DCTDecode): its size and its colour components,
 * read from the frame header (SOFn). Anything else (a PNG by mistake, a truncated file, CMYK) is refused
 * here rather than written into a PDF that no reader can draw.
 */
export interface JpegFrame {
  width: number
  height: number
  /** 1 (grey) or 3 (YCbCr, drawn as DeviceRGB). */
  components: 1 | 3
}

/** SOF0–SOF15 less DHT (C4), JPG (C8) and DAC (CC): the markers whose segment is a frame header. */
const isFrameMarker = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/** The JPEG's frame, or a sentence saying why these bytes are not a JPEG a PDF can carry. */
export function readJpegFrame(bytes: Uint8Array): JpegFrame | string {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'not a JPEG (it does not start with FF D8)'
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return `not a JPEG (no marker at byte ${at})`
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd9 || marker === 0xda) break // end of image, or scan data before any frame header
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (isFrameMarker(marker)) {
      if (at + 10 > bytes.length) break
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!
      const components = bytes[at + 9]!
      if (bytes[at + 4] !== 8) return `a ${bytes[at + 4]}-bit JPEG (a PDF reader expects 8 bits)`
      if (components !== 1 && components !== 3) return `a JPEG with ${components} colour components (1 or 3 expected)`
      return { width, height, components }
    }
    at += 2 + length
  }
  return 'not a JPEG (no frame header)'
}
