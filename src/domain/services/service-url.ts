/**
 * What the add-a-service dialog checks of the address the user pastes, before anything is fetched:
 * that it is an http(s) URL without a password in it, which kind of service it most likely is, that a
 * tile template has its placeholders, and the GetCapabilities request to send for a WMS or WMTS.
 */
import { serviceProblem } from './service-problem'
import { queryParts } from './service-query'
import type { ServiceKind, ServiceProblem } from './service-types'

/**
 * Why the URL cannot be used as a service address, or null: it must be absolute, http: or https:,
 * and carry no user name or password (they would be saved in the project and shown in the legend).
 */
export function serviceUrlProblem(url: string): ServiceProblem | null {
  const text = url.trim()
  if (text === '') return serviceProblem('服务地址为空', 'The service address is empty')
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    return serviceProblem(
      `“${shorten(text)}”不是完整的网址（应以 http:// 或 https:// 开头）`,
      `"${shorten(text)}" is not a full web address (it should start with http:// or https://)`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return serviceProblem(
      `只能添加 http 或 https 地址，此地址是 ${parsed.protocol}`,
      `Only http and https addresses can be added; this one is ${parsed.protocol}`,
    )
  }
  if (parsed.username || parsed.password) {
    return serviceProblem(
      '地址中不能包含用户名或密码（user:password@），否则会随项目保存和发布',
      'The address must not hold a user name or password (user:password@): it would be saved and published ' +
        'with the project',
    )
  }
  return null
}

function shorten(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`
}

/**
 * The kind of service a URL most likely is, from its shape alone; null when it does not say.
 * An explicit WMTS or WMS request wins over the folder it is in: ArcGIS Server serves WMTS at
 * …/MapServer/WMTS and WMS at …/MapServer/WMSServer, and the user who pastes those wants them.
 */
export function guessServiceKind(url: string): ServiceKind | null {
  const text = url.trim()
  const lower = text.toLowerCase()
  const path = lower.split(/[?#]/)[0]!
  if (text.includes('{z}')) return /\.(pbf|mvt)(?=$|[?#])/.test(lower) ? 'vector-tiles' : 'xyz'
  const service = queryParts(text)
    .find((part) => part.key === 'service')
    ?.raw.split('=')[1]
    ?.toLowerCase()
  if (service === 'wmts') return 'wmts'
  if (service === 'wms') return 'wms'
  if (path.endsWith('wmtscapabilities.xml') || path.includes('/mapserver/wmts')) return 'wmts'
  if (path.includes('/mapserver/wmsserver')) return 'wms'
  if (path.includes('/mapserver')) return 'arcgis'
  if (path.includes('/wmts')) return 'wmts'
  if (path.includes('/wms')) return 'wms'
  if (path.endsWith('.pmtiles')) return 'pmtiles'
  if (path.endsWith('.geojson') || path.endsWith('.json')) return 'geojson'
  return null
}

/** Why a tile template cannot be used, or null: it needs {z}, {x} and {y} (or {-y}, rows from the south). */
export function tileTemplateProblem(template: string): ServiceProblem | null {
  const missing = [
    template.includes('{z}') ? null : '{z}',
    template.includes('{x}') ? null : '{x}',
    template.includes('{y}') || template.includes('{-y}') ? null : '{y}',
  ].filter((name): name is string => name !== null)
  if (missing.length === 0) return null
  return serviceProblem(
    `瓦片地址模板缺少 ${missing.join('、')}（需要 {z}、{x} 和 {y} 或 {-y}）`,
    `The tile template lacks ${missing.join(', ')} (it needs {z}, {x} and {y} or {-y})`,
  )
}

/**
 * The GetCapabilities request for a WMS or WMTS address: SERVICE, REQUEST (and VERSION=1.3.0 for WMS)
 * added unless the query has them (keys in any case); a REQUEST other than GetCapabilities (a pasted
 * GetMap) is replaced. Other parameters stay as written (天地图's `tk`); a #fragment is dropped. An
 * address ending in .xml is a capabilities file (…/1.0.0/WMTSCapabilities.xml) and is sent as it is.
 */
export function capabilitiesUrl(url: string, kind: 'wms' | 'wmts'): string {
  const text = url.trim()
  const beforeFragment = text.split('#')[0]!
  const queryStart = beforeFragment.indexOf('?')
  const path = queryStart < 0 ? beforeFragment : beforeFragment.slice(0, queryStart)
  if (/\.xml$/i.test(path)) return beforeFragment
  const parts = queryParts(beforeFragment).map((part) =>
    part.key === 'request' ? { key: part.key, raw: 'REQUEST=GetCapabilities' } : part,
  )
  const keys = new Set(parts.map((part) => part.key))
  const wanted = [
    ['service', `SERVICE=${kind.toUpperCase()}`],
    ['request', 'REQUEST=GetCapabilities'],
    ...(kind === 'wms' ? [['version', 'VERSION=1.3.0']] : []),
  ]
  const added = wanted.filter(([key]) => !keys.has(key!)).map(([, raw]) => raw!)
  const query = [...parts.map((part) => part.raw), ...added].join('&')
  return `${path}?${query}`
}

/** The host with its port ("10.1.2.3:8080"), '' when the URL has none; works on templates too. */
export function hostOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(url.trim())?.[1]?.toLowerCase() ?? ''
}
