/**
 * A capabilities document read in a worker made for it and ended after (a read is one request, a
 * few per session), or in place where the page has no Worker (node tests). A worker that cannot
 * start or crashes gives its reason as an error, like a failed read.
 */
import {
  capabilitiesOf,
  handleCapabilitiesRequest,
  type CapabilitiesAnswer,
  type CapabilitiesRequest,
} from './capabilities-protocol'
import type { WmsCapabilities } from '../../domain/services/wms-capabilities'
import type { WmtsCapabilities } from '../../domain/services/wmts-capabilities'

function answerOf(request: CapabilitiesRequest): Promise<CapabilitiesAnswer> {
  if (typeof Worker === 'undefined') return Promise.resolve(handleCapabilitiesRequest(request))
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./capabilities.worker.ts', import.meta.url), {
      type: 'module',
      name: 'capabilities',
    })
    worker.onmessage = (event: MessageEvent<CapabilitiesAnswer>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'the capabilities worker stopped'))
    }
    worker.postMessage(request)
  })
}

export async function readWmsInWorker(text: string, url: string): Promise<WmsCapabilities> {
  return capabilitiesOf(await answerOf({ kind: 'wms', text, url })) as WmsCapabilities
}

export async function readWmtsInWorker(text: string, url: string): Promise<WmtsCapabilities> {
  return capabilitiesOf(await answerOf({ kind: 'wmts', text, url })) as WmtsCapabilities
}
