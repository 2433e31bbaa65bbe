/**
 * The fence-based KHR_parallel_shader_compile (src/map/shader-link-watch.ts) on a stand-in WebGL 2
 * context: COMPLETION_STATUS_KHR is answered from a fence and never reaches the context; every other
 * question does; a context with the real extension is left as it was.
 */
import { describe, expect, it } from 'vitest'
import { watchShaderLinks } from '../../src/map/shader-link-watch'

const COMPLETION_STATUS_KHR = 0x91b1
const LINK_STATUS = 0x8b82

function fakeContext(options: { extension?: boolean } = {}) {
  const signalled = new Set<object>()
  const asked: number[] = []
  const fences: object[] = []
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED: 0x9119,
    UNSIGNALED: 0x9118,
    getExtension: (name: string) =>
      options.extension && name === 'KHR_parallel_shader_compile' ? { real: true } : null,
    getProgramParameter: (_program: object, name: number) => {
      asked.push(name)
      return true
    },
    getShaderParameter: (_shader: object, name: number) => {
      asked.push(name)
      return true
    },
    linkProgram: () => {},
    compileShader: () => {},
    fenceSync: () => {
      const fence = {}
      fences.push(fence)
      return fence
    },
    flush: () => {},
    getSyncParameter: (fence: object) => (signalled.has(fence) ? 0x9119 : 0x9118),
    deleteSync: () => {},
  }
  return { gl: gl as unknown as WebGL2RenderingContext, asked, fences, signal: (f: object) => signalled.add(f) }
}

describe('shader links that do not block', () => {
  it('answers COMPLETION_STATUS_KHR from a fence placed after the link', async () => {
    const { gl, asked, fences, signal } = fakeContext()
    let completed = 0
    const watch = watchShaderLinks(gl, () => completed++)
    expect(watch.emulated).toBe(true)
    expect(gl.getExtension('KHR_parallel_shader_compile')).toMatchObject({ COMPLETION_STATUS_KHR })
    const program = {} as WebGLProgram
    gl.linkProgram(program)
    expect(gl.getProgramParameter(program, COMPLETION_STATUS_KHR)).toBe(false)
    expect(watch.pending()).toBe(1)
    expect(gl.getProgramParameter(program, COMPLETION_STATUS_KHR)).toBe(false)
    expect(fences).toHaveLength(1)
    signal(fences[0]!)
    const settled = watch.settled()
    await settled
    expect(gl.getProgramParameter(program, COMPLETION_STATUS_KHR)).toBe(true)
    expect(watch.pending()).toBe(0)
    // The context itself was never asked the question it cannot answer; other questions pass through.
    expect(asked).toEqual([])
    expect(gl.getProgramParameter(program, LINK_STATUS)).toBe(true)
    expect(asked).toEqual([LINK_STATUS])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(completed).toBe(1)
  })
  it('a new link of the same program waits on a new fence', () => {
    const { gl, fences, signal } = fakeContext()
    watchShaderLinks(gl, () => {})
    const shader = {} as WebGLShader
    gl.compileShader(shader)
    gl.getShaderParameter(shader, COMPLETION_STATUS_KHR)
    signal(fences[0]!)
    expect(gl.getShaderParameter(shader, COMPLETION_STATUS_KHR)).toBe(true)
    gl.compileShader(shader)
    expect(gl.getShaderParameter(shader, COMPLETION_STATUS_KHR)).toBe(false)
    expect(fences).toHaveLength(2)
  })
  it('leaves a context with the real extension alone', () => {
    const { gl } = fakeContext({ extension: true })
    const getProgramParameter = gl.getProgramParameter
    const watch = watchShaderLinks(gl, () => {})
    expect(watch.emulated).toBe(false)
    expect(gl.getProgramParameter).toBe(getProgramParameter)
    expect(gl.getExtension('KHR_parallel_shader_compile')).toEqual({ real: true })
  })
})
