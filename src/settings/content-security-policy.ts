/**
 * The app's Content-Security-Policy, made in one place for the build (vite.config.ts writes it into
 * index.html) and for the server (which writes it again when its SERVICE_HOSTS differ). Scripts only
 * from the app's own origin; pictures and data from the app, the built-in online basemaps' hosts and
 * the hosts a deployment names for its services, nothing else. An http intranet host is allowed
 * only when it is named. Decision 0033 (strict policy) and 0044 (service layers).
 */

/** The hosts of the online basemaps the app offers (src/map/basemap-styles.ts). */
export const BASEMAP_HOSTS: readonly string[] = [
  'https://*.tianditu.gov.cn',
  'https://tile.openstreetmap.org',
  'https://*.is.autonavi.com',
]

/**
 * A CSP host source: `https://host`, `http://10.1.2.3:8080`, `https://*.example.cn`, `http://host:*`.
 * Paths, quotes, semicolons and bare schemes are refused (a bare `https:` would open every host).
 */
export function hostSourceProblem(source: string): string | null {
  if (!/^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:(\d{1,5}|\*))?$/i.test(source))
    return `"${source}" is not a host source such as https://map.example.cn or http://10.1.2.3:8080`
  return null
}

/** SERVICE_HOSTS as written (spaces or commas between sources), checked; throws on a bad one. */
export function parseServiceHosts(value: string | undefined): string[] {
  const sources = (value ?? '').split(/[\s,]+/).filter(Boolean)
  for (const source of sources) {
    const problem = hostSourceProblem(source)
    if (problem) throw new Error(`SERVICE_HOSTS: ${problem}`)
  }
  return sources
}

export function contentSecurityPolicy(serviceHosts: readonly string[]): string {
  const hosts = [...new Set([...BASEMAP_HOSTS, ...serviceHosts])].join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "style-src 'self'",
    `img-src 'self' data: blob: ${hosts}`,
    `connect-src 'self' data: blob: ${hosts} ws://127.0.0.1:* ws://localhost:*`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ')
}

/** index.html with its policy's content replaced (the build and the server both call this). */
export function withContentSecurityPolicy(html: string, serviceHosts: readonly string[]): string {
  const pattern = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/
  if (!pattern.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag')
  return html.replace(pattern, `$1${contentSecurityPolicy(serviceHosts)}$2`)
}

/** The host sources a policy lets the app connect to (read back in the browser from the meta tag). */
export function connectSources(policy: string): string[] {
  const directive = policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('connect-src '))
  return directive ? directive.split(/\s+/).slice(1) : []
}

/** Whether a policy's connect-src lets the app fetch from a URL (a host source, a scheme, 'self'). */
export function urlAllowed(url: string, sources: readonly string[], ownOrigin: string): boolean {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  return sources.some((source) => {
    if (source === "'self'") return target.origin === ownOrigin
    if (/^[a-z]+:$/.test(source)) return target.protocol === source
    const match = /^(https?):\/\/(\*\.)?([^:/]+)(?::(\d+|\*))?$/i.exec(source)
    if (!match) return false
    const [, scheme, wildcard, host, port] = match
    if (target.protocol !== `${scheme!.toLowerCase()}:`) return false
    const name = target.hostname.toLowerCase()
    const hostMatches = wildcard ? name.endsWith(`.${host!.toLowerCase()}`) : name === host!.toLowerCase()
    const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80')
    const portMatches = port === '*' || targetPort === (port ?? (scheme === 'https' ? '443' : '80'))
    return hostMatches && portMatches
  })
}
