/**
 * Bytes to text. Chinese spreadsheets are saved as UTF-8 (with or without a byte-order mark) or,
 * by Excel on a Chinese Windows, as GBK. Strict UTF-8 is tried first: GBK text is almost never
 * valid UTF-8, so a failure means GBK. TextDecoder drops a UTF-8 BOM by itself.
 */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'gbk'
  /** Characters GBK could not decode either (shown as U+FFFD). */
  undecodable: number
}

function countReplacementCharacters(text: string): number {
  let count = 0
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++
  return count
}

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', undecodable: 0 }
  } catch {
    const text = new TextDecoder('gbk').decode(bytes)
    return { text, encoding: 'gbk', undecodable: countReplacementCharacters(text) }
  }
}
