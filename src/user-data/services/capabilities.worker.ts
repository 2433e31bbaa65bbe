/** The capabilities worker: reads a WMS or WMTS capabilities document off the main thread (see the protocol). */
import { handleCapabilitiesRequest, type CapabilitiesRequest } from './capabilities-protocol'

self.onmessage = (event: MessageEvent<CapabilitiesRequest>) => self.postMessage(handleCapabilitiesRequest(event.data))
