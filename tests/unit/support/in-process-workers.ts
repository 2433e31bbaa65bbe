/**
 * A stand-in for the page's Worker in node tests: a worker made for the import or the capabilities
 * script runs that script's own request handler in-process, and answers as a worker does (later, by
 * onmessage; nothing after terminate()). Each worker made is recorded: its script, its options, the
 * requests it was sent and whether it was ended. `crash` makes the workers fail with an ErrorEvent
 * carrying that message instead of answering; `importEngine` replaces the import's engine.
 */
import { vi } from 'vitest'
import {
  handleCapabilitiesRequest,
  type CapabilitiesRequest,
} from '../../../src/user-data/services/capabilities-protocol'
import {
  handleImportRequest,
  type ImportEngine,
  type ImportWorkerRequest,
} from '../../../src/user-data/import/import-worker-loop'

export interface MadeWorker {
  script: string
  options: WorkerOptions | undefined
  requests: unknown[]
  terminated: boolean
}

export function stubWorkers(options: { crash?: string; importEngine?: ImportEngine } = {}): MadeWorker[] {
  const { crash, importEngine } = options
  const made: MadeWorker[] = []
  class InProcessWorker {
    onmessage: ((event: MessageEvent) => void) | null = null
    onerror: ((event: ErrorEvent) => void) | null = null
    private readonly record: MadeWorker
    constructor(script: URL | string, options?: WorkerOptions) {
      this.record = { script: String(script), options, requests: [], terminated: false }
      made.push(this.record)
    }
    postMessage(request: unknown) {
      this.record.requests.push(request)
      const deliver = (data: unknown) =>
        queueMicrotask(() => {
          if (!this.record.terminated) this.onmessage?.({ data } as MessageEvent)
        })
      if (crash !== undefined) queueMicrotask(() => this.onerror?.({ message: crash } as ErrorEvent))
      else if (this.record.script.endsWith('/capabilities.worker.ts'))
        deliver(handleCapabilitiesRequest(request as CapabilitiesRequest))
      else if (this.record.script.endsWith('/import.worker.ts'))
        void handleImportRequest(request as ImportWorkerRequest, (message) => deliver(message), importEngine)
      else throw new Error(`no in-process stand-in for the worker ${this.record.script}`)
    }
    terminate() {
      this.record.terminated = true
    }
  }
  vi.stubGlobal('Worker', InProcessWorker)
  return made
}
