/**
 * The WebGL renderer a page of this bench really gets (WEBGL_debug_renderer_info), read once before
 * the figures: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))" on the CPU, the GPU's name where
 * Chromium found one (`JINDONG_CHROMIUM_GPU=1`, tests/e2e/support/browser.ts). The header of the
 * results and latest.json carry it, so each column of figures says which renderer gave it.
 */
import { openSession } from '../../tests/e2e/support/browser'

/** `origin`: the app's, so that the session's guard against foreign requests knows it (nothing is loaded). */
export async function readRenderer(origin: string): Promise<string> {
  const session = await openSession(origin)
  try {
    // The session's first page is about:blank: enough for a WebGL context, and nothing else runs.
    return await session.page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2')
      if (!gl) return 'no WebGL 2'
      const info = gl.getExtension('WEBGL_debug_renderer_info')
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
    })
  } finally {
    await session.close()
  }
}

/** "SwiftShader (CPU)" or "GPU" for the table's header: what the renderer's name says, not the flags asked. */
export function rendererKind(renderer: string): string {
  return /swiftshader|llvmpipe|software/i.test(renderer) ? 'CPU' : 'GPU'
}
