import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'

/**
 * A V8 CPU profile (Profiler.stop's result) cut into stretches of main-thread work: consecutive
 * samples that are not "(idle)", split where the thread idled. A stretch is not exactly a browser
 * task (two tasks back to back read as one), so it bounds the longest task from above.
 */
export interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }
    children?: number[]
  }[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface Stretch {
  startMs: number
  durationMs: number
  byKind: Record<string, number>
  topFrames: [string, number][]
}

const SHADER = /^(linkProgram|compileShader|getProgramParameter|getShaderParameter|getProgramInfoLog|validateProgram)$/
const WEBGL =
  /^(bufferData|bufferSubData|drawArrays\w*|drawElements\w*|readPixels|texImage2D|texSubImage2D|getParameter|getError|getExtension|uniform\w+|vertexAttrib\w+|bindBuffer|getActiveUniform|getUniformLocation|getBufferSubData|clear|finish|flush)$/

/** The kind of work a sampled frame is: by its name for browser APIs, by its script's chunk otherwise. */
export function classifyFrame(frame: { functionName: string; url: string }): string {
  const { functionName: name, url } = frame
  if (name === '(garbage collector)') return 'gc'
  if (name === '(program)') return 'browser (program)'
  if (SHADER.test(name)) return 'webgl shader compile/link'
  if (!url && WEBGL.test(name)) return 'webgl other calls'
  const file = url.split('/').pop() ?? ''
  if (/^maplibre/.test(file)) return 'maplibre'
  if (/^(webgl|webgl-device|composite-layer|dist|debug-hooks|heatmap-layers|scatterplot-layer|shader-type)/.test(file))
    return 'deck.gl/luma.gl'
  if (/^(index|user-points|deck-overlay|src)/.test(file)) return 'app + vue'
  if (!url) return `native ${name}`
  return file.replace(/-[\w-]{8}\.js$/, '')
}

export function longStretches(profile: CpuProfile, minMs: number): Stretch[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  /** A frame and its callers, four deep, for the WebGL calls and the app: which code asked. */
  const stackOf = (id: number) => {
    const names: string[] = []
    for (let at: number | undefined = id; at !== undefined && names.length < 8; at = parentOf.get(at)) {
      const frame = byId.get(at)!.callFrame
      names.push(`${frame.functionName || '(anonymous)'}@${frame.url.split('/').pop() ?? ''}`)
    }
    return names.join(' < ')
  }
  const stretches: Stretch[] = []
  let time = profile.startTime
  let current: { start: number; end: number; kinds: Map<string, number>; frames: Map<string, number> } | null = null
  const close = () => {
    if (current && (current.end - current.start) / 1000 >= minMs)
      stretches.push({
        startMs: (current.start - profile.startTime) / 1000,
        durationMs: (current.end - current.start) / 1000,
        byKind: Object.fromEntries([...current.kinds].map(([k, us]) => [k, us / 1000])),
        topFrames: [...current.frames].sort((a, b) => b[1] - a[1]).map(([f, us]) => [f, us / 1000]),
      })
    current = null
  }
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0
    time += profile.timeDeltas[i]!
    const node = byId.get(profile.samples[i]!)!
    if (node.callFrame.functionName === '(idle)') {
      close()
      continue
    }
    current ??= { start: time, end: time, kinds: new Map(), frames: new Map() }
    current.end = time + delta
    const kind = classifyFrame(node.callFrame)
    current.kinds.set(kind, (current.kinds.get(kind) ?? 0) + delta)
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const label =
      kind === 'webgl shader compile/link' || kind === 'webgl other calls' || kind === 'app + vue'
        ? stackOf(node.id)
        : `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}:${columnNumber ?? 0}`
    current.frames.set(label, (current.frames.get(label) ?? 0) + delta)
  }
  close()
  return stretches
}

const sourceMaps = new Map<string, TraceMap | null>()

/**
 * A frame's name for people: with a source-mapped build (`vite build --sourcemap`) the source file and
 * line it came from, else the function and chunk.
 */
export function frameName(frame: CpuProfile['nodes'][number]['callFrame'], distAssets: string): string {
  const file = frame.url.split('/').pop() ?? ''
  const mapPath = resolve(distAssets, `${file}.map`)
  if (!sourceMaps.has(file))
    sourceMaps.set(file, file && existsSync(mapPath) ? new TraceMap(readFileSync(mapPath, 'utf8')) : null)
  const map = sourceMaps.get(file)
  if (!map) return `${frame.functionName || '(anonymous)'} ${file.replace(/-[\w-]{8}\.js$/, '')}`
  const at = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber ?? 0 })
  const source = (at.source ?? file).replace(/^.*?\/(src|node_modules)\//, '$1/')
  return `${at.name ?? frame.functionName ?? '(anonymous)'} ${source}:${at.line}`
}

/**
 * Main-thread time inside the given windows (page milliseconds, performance.now()), by function:
 * inclusive (the function and what it called) and self. `pageStartMs` is the page's clock when the
 * profile started.
 */
export function timeByFunction(
  profile: CpuProfile,
  pageStartMs: number,
  windows: readonly [number, number][],
  distAssets: string,
): { busyMs: number; inclusive: [string, number][]; self: [string, number][]; byScript: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  const inclusive = new Map<string, number>()
  const self = new Map<string, number>()
  /** Self time by script file (the chunk's hash left out), or by kind for the browser's own frames. */
  const byScript = new Map<string, number>()
  let busyMs = 0
  let time = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i]!
    const nowMs = pageStartMs + (time - profile.startTime) / 1000
    if (!windows.some(([from, to]) => nowMs >= from && nowMs <= to)) continue
    const node = byId.get(profile.samples[i]!)!
    if (node.callFrame.functionName === '(idle)') continue
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000
    busyMs += delta
    const { url } = node.callFrame
    const script = url
      ? (url.split('/').pop() ?? '').replace(/-[\w-]{8}\.(m?js)$/, '.$1')
      : `(${classifyFrame(node.callFrame)})`
    byScript.set(script, (byScript.get(script) ?? 0) + delta)
    const own = frameName(node.callFrame, distAssets)
    self.set(own, (self.get(own) ?? 0) + delta)
    const seen = new Set<string>()
    for (let at: number | undefined = node.id; at !== undefined; at = parentOf.get(at)) {
      const name = frameName(byId.get(at)!.callFrame, distAssets)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta)
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1])
  return { busyMs, inclusive: sorted(inclusive), self: sorted(self), byScript: sorted(byScript) }
}
