/**
 * Query strings of service requests, built as text: URL and URLSearchParams would re-encode what a
 * server wrote and percent-encode the placeholders the map fills ({bbox-epsg-3857}, {TileMatrix}).
 * The user's own parameters that are not OGC's (天地图's `tk` key, a token, GeoServer's namespace)
 * travel on to every request made from the service; the operation URLs a document names are checked
 * and mended here (a GeoServer behind a proxy that calls itself localhost).
 */

/** The keys of OGC requests (WMS, WMTS), lowercased: these are ours to write, never carried over. */
const OGC_KEYS = new Set([
  'service',
  'request',
  'version',
  'acceptversions',
  'sections',
  'updatesequence',
  'acceptformats',
  'layers',
  'layer',
  'styles',
  'style',
  'format',
  'transparent',
  'bgcolor',
  'width',
  'height',
  'crs',
  'srs',
  'bbox',
  'exceptions',
  'time',
  'elevation',
  'sld',
  'sld_body',
  'tilematrixset',
  'tilematrix',
  'tilerow',
  'tilecol',
])

/** One `key=value` of a query as written, with its key decoded and lowercased for comparison. */
export interface QueryPart {
  key: string
  raw: string
}

function decodeKey(raw: string): string {
  const key = raw.split('=')[0]!.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(key).toLowerCase()
  } catch {
    return key.toLowerCase()
  }
}

/** The parts of a URL's query, in order (empty parts dropped). */
export function queryParts(url: string): QueryPart[] {
  const noFragment = url.split('#')[0]!
  const start = noFragment.indexOf('?')
  if (start < 0) return []
  return noFragment
    .slice(start + 1)
    .split('&')
    .filter((raw) => raw !== '')
    .map((raw) => ({ key: decodeKey(raw), raw }))
}

/** The URL without its query and fragment. */
export function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0]!
}

/** The user's parameters that are not OGC's, as written (`tk=…`), to carry to every request. */
export function userQueryParts(url: string): string[] {
  return queryParts(url)
    .filter((part) => !OGC_KEYS.has(part.key))
    .map((part) => part.raw)
}

/** The URL with the OGC keys taken out of its query (a GetMap address that already names SERVICE=WMS). */
export function withoutOgcKeys(url: string): string {
  const kept = queryParts(url).filter((part) => !OGC_KEYS.has(part.key))
  const base = withoutQuery(url)
  return kept.length ? `${base}?${kept.map((part) => part.raw).join('&')}` : base
}

/** The URL with `parts` added to its query; a part whose key the URL already has is left out. */
export function appendQuery(url: string, parts: string[]): string {
  const base = url.split('#')[0]!
  const present = new Set(queryParts(base).map((part) => part.key))
  const added: string[] = []
  for (const raw of parts) {
    const key = decodeKey(raw)
    if (present.has(key)) continue
    present.add(key)
    added.push(raw)
  }
  if (added.length === 0) return base
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&'
  return `${base}${joiner}${added.join('&')}`
}

/** A value for a query, encoded, but with the `:`, `/` and `,` servers read either way left readable. */
export function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',')
}

const ORIGIN = /^(https?):\/\/([^/?#]*)/i

function isLoopback(authority: string): boolean {
  const host = authority
    .replace(/^[^@]*@/, '')
    .replace(/:\d+$/, '')
    .toLowerCase()
  return host === 'localhost' || host === '[::1]' || host === '0.0.0.0' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/**
 * The address an operation is requested at, from the `href` the document names, or null when it
 * names none we can use (empty, not http or https). Text in, text out (a template's braces stay):
 * - a path (`/geoserver/wms`) or `//host/…` is read against the user's URL;
 * - a loopback host (localhost, 127.0.0.1) the user did not type is a server that does not know its
 *   public address: the user's scheme and host are put in its place;
 * - the user's host over https keeps https (a page on https may not fetch http).
 */
export function operationUrl(href: string | null | undefined, userUrl: string): string | null {
  const text = href?.trim()
  const user = ORIGIN.exec(userUrl)
  if (!text || !user) return null
  const userScheme = user[1]!.toLowerCase()
  const userHost = user[2]!
  if (text.startsWith('//')) return `${userScheme}:${text}`
  if (text.startsWith('/')) return `${userScheme}://${userHost}${text}`
  const own = ORIGIN.exec(text)
  if (!own) return null
  const rest = text.slice(own[0].length)
  if (isLoopback(own[2]!) && !isLoopback(userHost)) return `${userScheme}://${userHost}${rest}`
  if (own[2]!.toLowerCase() === userHost.toLowerCase() && userScheme === 'https') return `https://${own[2]}${rest}`
  return text
}

/** Whether two URLs name the same host (and port): the user's key goes only where the user sent it. */
export function sameHost(a: string, b: string): boolean {
  const hostA = ORIGIN.exec(a)?.[2]?.toLowerCase()
  return hostA !== undefined && hostA === ORIGIN.exec(b)?.[2]?.toLowerCase()
}
