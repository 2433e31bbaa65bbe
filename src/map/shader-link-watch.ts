/**
 * Shader links that do not block the page, where the WebGL context lacks KHR_parallel_shader_compile.
 *
 * Why: luma.gl (deck.gl's WebGL layer) links a program and asks for its LINK_STATUS at once. That
 * question is a synchronous round trip to the GPU process, so the page's main thread waits for the
 * whole link — and for everything queued before it. On a CPU renderer (Chromium's SwiftShader, which
 * does not offer the extension) the HeatmapLayer's programs took 4–23 s, all of it one main-thread
 * task (bench/profile/big-file-profile.ts). With the extension, luma.gl instead polls
 * COMPLETION_STATUS_KHR and skips drawing until the link is done.
 *
 * What this does: on a context without the extension, it offers one, answering COMPLETION_STATUS_KHR
 * with a fence (WebGL 2 fenceSync): a fence placed after the link is signalled once the GPU process
 * has done the link, and asking whether it is signalled never blocks. Only that one question is
 * answered here; every other call goes to the context unchanged. Where the browser has the real
 * extension, nothing is changed.
 */

const COMPLETION_STATUS_KHR = 0x91b1
const EXTENSION = 'KHR_parallel_shader_compile'

type Watched = WebGLShader | WebGLProgram

export interface ShaderLinkWatch {
  /** True when this context had no extension and the fence-based one is in use. */
  readonly emulated: boolean
  /** Programs and shaders asked about that are not linked or compiled yet. */
  pending(): number
  /** Resolves once nothing asked about is pending (at once when nothing is). */
  settled(): Promise<void>
}

const watches = new WeakMap<WebGL2RenderingContext, ShaderLinkWatch>()

/**
 * Installs the fence-based extension on `gl` (once per context) and calls `onComplete` after a
 * program or shader that was pending completes, so the caller can ask for a repaint (a draw skipped
 * while linking is not retried by deck.gl on its own). Install before deck.gl attaches to `gl`.
 */
export function watchShaderLinks(gl: WebGL2RenderingContext, onComplete: () => void): ShaderLinkWatch {
  const existing = watches.get(gl)
  if (existing) return existing
  if (gl.getExtension(EXTENSION) || typeof gl.fenceSync !== 'function') {
    const native: ShaderLinkWatch = { emulated: false, pending: () => 0, settled: () => Promise.resolve() }
    watches.set(gl, native)
    return native
  }
  /** A fence per object asked about; null once it is signalled. */
  const fences = new Map<Watched, WebGLSync | null>()
  const pending = new Set<Watched>()

  const complete = (object: Watched): boolean => {
    let fence = fences.get(object)
    if (fence === null) return true
    if (fence === undefined) {
      // After the link (or compile) in the command stream: signalled when the GPU process has done it.
      fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)
      gl.flush()
      if (!fence) return true
      fences.set(object, fence)
      pending.add(object)
      return false
    }
    if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return false
    gl.deleteSync(fence)
    fences.set(object, null)
    pending.delete(object)
    setTimeout(onComplete, 0)
    return true
  }

  const extension = Object.freeze({ COMPLETION_STATUS_KHR, MAX_SHADER_COMPILER_THREADS_KHR: 0x91b0 })
  const getExtension = gl.getExtension.bind(gl)
  const getProgramParameter = gl.getProgramParameter.bind(gl)
  const getShaderParameter = gl.getShaderParameter.bind(gl)
  const linkProgram = gl.linkProgram.bind(gl)
  const compileShader = gl.compileShader.bind(gl)
  // Own properties on this one context object shadow the prototype's methods.
  Object.assign(gl, {
    getExtension: (name: string) =>
      name === EXTENSION ? { ...extension, maxShaderCompilerThreadsKHR: () => {} } : getExtension(name),
    getProgramParameter: (program: WebGLProgram, name: number) =>
      name === COMPLETION_STATUS_KHR ? complete(program) : getProgramParameter(program, name),
    getShaderParameter: (shader: WebGLShader, name: number) =>
      name === COMPLETION_STATUS_KHR ? complete(shader) : getShaderParameter(shader, name),
    // A new link or compile of the same object needs a new fence.
    linkProgram: (program: WebGLProgram) => {
      fences.delete(program)
      linkProgram(program)
    },
    compileShader: (shader: WebGLShader) => {
      fences.delete(shader)
      compileShader(shader)
    },
  })

  const watch: ShaderLinkWatch = {
    emulated: true,
    pending: () => pending.size,
    settled: () =>
      new Promise((resolve) => {
        const check = () => {
          for (const object of [...pending]) complete(object)
          if (pending.size === 0) resolve()
          else setTimeout(check, 16)
        }
        check()
      }),
  }
  watches.set(gl, watch)
  return watch
}
