/**
 * Debian's Chromium driven by playwright-core, headless: WebGL 2 on ANGLE/SwiftShader (CPU), a fresh
 * profile each time, no background networking. Every page opened here
 * records console errors and any request that leaves 127.0.0.1, and blocks such requests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/**
 * deck.gl 9.4's HeatmapLayer logs this once per page by itself (its weights texture is bound by a
 * name its shader layout does not list); harmless. The app links the heatmap programs in idle time
 * after every first view (HeatmapOverlay.warmWhenIdle), so every page meets it: it is left out here,
 * and only it.
 */
const KNOWN_DECK_WARNING = /Binding weightsTexture not set: Not found in shader layout/

/**
 * WebGL on the CPU (SwiftShader) unless `JINDONG_CHROMIUM_GPU=1`: then Chromium's own choice of GPU
 * backend, blocklist ignored, for `npm run bench` on a machine with a GPU (issue 21's second column).
 * The tests never set it: their pixels are SwiftShader's. The bench prints the renderer the page
 * really got (bench/support/renderer.ts), so a run that fell back to SwiftShader says so.
 */
const WEBGL_ARGS =
  process.env.JINDONG_CHROMIUM_GPU === '1'
    ? ['--ignore-gpu-blocklist', '--enable-gpu']
    : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader']

export const CHROMIUM_ARGS = [
  ...WEBGL_ARGS,
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--js-flags=--expose-gc',
]

/** CHROME_PATH, then Debian's /usr/lib/chromium/chromium (the /usr/bin wrapper prints noise). */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(
    (p): p is string => Boolean(p),
  )
  const found = candidates.find((path) => existsSync(path))
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install Debian's: ` +
        '`apt-get install -y chromium fonts-noto-cjk`, or set CHROME_PATH to a Chromium binary. ' +
        'The end-to-end tests never download a browser.',
    )
  }
  return found
}

export interface Session {
  context: BrowserContext
  page: Page
  /** Console errors and warnings, and uncaught page errors. */
  consoleProblems: string[]
  /** Every request to anything other than the app's own origin (blocked, and a test failure). */
  foreignRequests: string[]
  close(): Promise<void>
}

export interface SessionOptions {
  viewport?: { width: number; height: number }
  deviceScaleFactor?: number
  /** A phone or tablet: touch events (page.touchscreen) and the mobile viewport. */
  mobile?: boolean
  /**
   * A profile folder to open (and leave in place on close): opening it again is a browser restart
   * with what the page kept (IndexedDB, local storage). Without it, each session gets a fresh one.
   */
  profileDir?: string
  /**
   * Other servers on 127.0.0.1 the test started (map services): their requests go through and are not
   * foreign. Only http://127.0.0.1 origins are accepted.
   */
  localOrigins?: string[]
  /**
   * Stand-ins for online services a test exercises (basemap tiles): matching requests are answered
   * locally and never leave the machine, so they are not counted as foreign.
   */
  standIn?: {
    matches: (url: string) => boolean
    respond: (url: string) => { status: number; contentType: string; body: Buffer } | 'abort'
  }
}

export async function openSession(baseUrl: string, options: SessionOptions = {}): Promise<Session> {
  const { viewport = { width: 1920, height: 1080 }, deviceScaleFactor = 1, standIn, mobile = false } = options
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'jindong-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor,
    ...(mobile ? { hasTouch: true, isMobile: true } : {}),
    locale: 'zh-CN',
    acceptDownloads: true,
  })
  const origin = new URL(baseUrl).origin
  const localOrigins = (options.localOrigins ?? []).filter((o) => /^http:\/\/127\.0\.0\.1:\d+$/.test(o))
  const consoleProblems: string[] = []
  const foreignRequests: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    if (localOrigins.some((local) => url.startsWith(`${local}/`))) return route.continue()
    if (standIn?.matches(url)) {
      const answer = standIn.respond(url)
      return answer === 'abort' ? route.abort('connectionrefused') : route.fulfill(answer)
    }
    foreignRequests.push(url)
    return route.abort()
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    if (KNOWN_DECK_WARNING.test(message.text())) return
    consoleProblems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`))
  return {
    context,
    page,
    consoleProblems,
    foreignRequests,
    async close() {
      await context.close()
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true })
    },
  }
}
