/**
 * Reading a WMS or WMTS capabilities document, as the capabilities worker does it: a provincial WMS
 * listing 2,000 layers is ~0.9 MB of XML and took ~220 ms to read, too long for the main thread.
 * The answer is plain data (the capabilities, or the refusal in both languages), so it crosses to
 * the page by structured clone; the same function runs in place where there is no Worker (tests).
 */
import { ServiceReadError } from '../../domain/services/service-problem'
import type { ServiceProblem } from '../../domain/services/service-types'
import { readWmsCapabilities, type WmsCapabilities } from '../../domain/services/wms-capabilities'
import { readWmtsCapabilities, type WmtsCapabilities } from '../../domain/services/wmts-capabilities'

export type CapabilitiesRequest = { kind: 'wms' | 'wmts'; text: string; url: string }

export type CapabilitiesAnswer =
  | { ok: true; kind: 'wms'; capabilities: WmsCapabilities }
  | { ok: true; kind: 'wmts'; capabilities: WmtsCapabilities }
  | { ok: false; problem: ServiceProblem | null; message: string }

export function handleCapabilitiesRequest({ kind, text, url }: CapabilitiesRequest): CapabilitiesAnswer {
  try {
    return kind === 'wms'
      ? { ok: true, kind, capabilities: readWmsCapabilities(text, url) }
      : { ok: true, kind, capabilities: readWmtsCapabilities(text, url) }
  } catch (error) {
    const problem = error instanceof ServiceReadError ? error.problem : null
    return { ok: false, problem, message: error instanceof Error ? error.message : String(error) }
  }
}

/** The answer as the reader would have given it: the capabilities, or the same error thrown. */
export function capabilitiesOf(answer: CapabilitiesAnswer): WmsCapabilities | WmtsCapabilities {
  if (answer.ok) return answer.capabilities
  throw answer.problem ? new ServiceReadError(answer.problem) : new Error(answer.message)
}
