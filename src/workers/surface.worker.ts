/** The surface worker: interpolates readings off the main thread. Logic in surface-protocol.ts. */
import { createSurfaceState, handleSurfaceRequest, type SurfaceRequest } from './surface-protocol'

const state = createSurfaceState()

self.onmessage = (event: MessageEvent<SurfaceRequest>) => {
  const { response, transfer } = handleSurfaceRequest(state, event.data)
  self.postMessage(response, { transfer })
}
