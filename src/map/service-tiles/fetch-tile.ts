/**
 * One request to another server for a tile, with a deadline and an answer a person can read: a
 * timeout says how long it waited, a refusal gives its HTTP status, and an "image" that is an XML
 * exception or an HTML page (a WMS answers errors with 200 and XML) quotes what the server said.
 */
import { HttpStatusError, NetworkTimeoutError } from '../../settings/network-timeouts'

/** The server answered, but not with a tile: its own words, shortened. */
export class ServiceAnswerError extends Error {
  override name = 'ServiceAnswerError'
}

/** What an OGC or ArcGIS error document says, as plain text (at most 160 characters). */
export function serviceErrorText(body: string): string {
  const own =
    /<(?:\w+:)?(?:ServiceException|ExceptionText)[^>]*>([\s\S]*?)<\/(?:\w+:)?(?:ServiceException|ExceptionText)>/i.exec(
      body,
    )?.[1] ?? /"message"\s*:\s*"([^"]*)"/.exec(body)?.[1]
  const text = (own ?? body)
    .replace(/<!\[CDATA\[|\]\]>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 160 ? `${text.slice(0, 159)}…` : text
}

/** The bytes of a tile, checked to be what was asked for ('image' or 'binary' for vector tiles). */
export async function fetchTileBytes(
  url: string,
  expect: 'image' | 'binary',
  timeoutMs: number,
  outer: AbortSignal,
): Promise<{ bytes: ArrayBuffer; type: string } | null> {
  const controller = new AbortController()
  const abort = () => controller.abort()
  outer.addEventListener('abort', abort)
  const timer = setTimeout(abort, timeoutMs)
  try {
    const response = await fetch(url, { signal: controller.signal })
    // A tile server's "no tile here" (outside its data): an empty tile, not a failure.
    if (response.status === 204 || response.status === 404) return null
    if (!response.ok) throw new HttpStatusError(response.status)
    const type = (response.headers.get('content-type') ?? '').toLowerCase()
    const bytes = await response.arrayBuffer()
    const textual = /xml|html|json|text\//.test(type)
    if (textual || (expect === 'image' && type && !type.startsWith('image/') && !type.includes('octet-stream')))
      throw new ServiceAnswerError(serviceErrorText(new TextDecoder().decode(bytes.slice(0, 4096))) || type)
    return { bytes, type }
  } catch (error) {
    if (controller.signal.aborted && !outer.aborted) throw new NetworkTimeoutError(Math.round(timeoutMs / 100) / 10)
    throw error
  } finally {
    clearTimeout(timer)
    outer.removeEventListener('abort', abort)
  }
}
