/**
 * One request to another server for a tile, with a deadline and an answer a person can read: a
 * timeout says how long it waited, a refusal gives its HTTP status, and an "image" that is an XML
 * exception or an HTML page (a WMS answers errors with 200 and XML) quotes what the server said.
 */
import { serviceErrorText } from '../../domain/services/service-problem'
import { fetchWithTimeout, HttpStatusError } from '../../settings/network-timeouts'

/** The server answered, but not with a tile: its own words, shortened. */
export class ServiceAnswerError extends Error {
  override name = 'ServiceAnswerError'
}

/**
 * The bytes of a tile, checked to be what was asked for ('image', or 'binary' for vector tiles);
 * null where the server has no tile (204, 404), which is an empty tile and not a failure.
 */
export async function fetchTileBytes(
  url: string,
  expect: 'image' | 'binary',
  timeoutMs: number,
  outer: AbortSignal,
): Promise<{ bytes: ArrayBuffer; type: string } | null> {
  try {
    return await fetchWithTimeout(
      url,
      timeoutMs,
      async (response) => {
        if (response.status === 204) return null
        const type = (response.headers.get('content-type') ?? '').toLowerCase()
        const bytes = await response.arrayBuffer()
        const textual = /xml|html|json|text\//.test(type)
        if (textual || (expect === 'image' && type && !type.startsWith('image/') && !type.includes('octet-stream')))
          throw new ServiceAnswerError(serviceErrorText(new TextDecoder().decode(bytes.slice(0, 4096))) || type)
        return { bytes, type }
      },
      outer,
    )
  } catch (error) {
    if (error instanceof HttpStatusError && error.status === 404) return null
    throw error
  }
}
