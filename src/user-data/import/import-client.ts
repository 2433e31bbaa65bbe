/**
 * Starting an import from the UI. The size is checked against the limit before anything is read;
 * then a worker reads and parses the file, so even a 200 MB file leaves the page responsive.
 * The promise resolves with an ImportResult for every outcome the file can cause (a crash of the
 * worker included); it rejects only when cancelled, with a DOMException named "AbortError"
 * (test it with isImportAborted).
 */
import { createAbortError } from './import-context'
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-protocol'
import { checkSizeLimit } from './size-limit'
import { classifyEngineFailure, importFailure } from './import-failure'
import { DEFAULT_MAX_IMPORT_BYTES, type ImportOptions, type ImportProgress, type ImportResult } from './types'

export { isImportAborted } from './import-context'

export interface ImportJob {
  promise: Promise<ImportResult>
  cancel(): void
  onProgress(listener: (progress: ImportProgress) => void): void
}

/** What the client needs of a Worker; tests pass an in-process stand-in. */
export interface ImportWorkerPort {
  postMessage(message: ImportWorkerRequest): void
  onmessage: ((event: MessageEvent<ImportWorkerMessage>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

/**
 * User Timing marks of the last import, for the profiles and figure 6 (the same client runs in the
 * app and in the bench's floor page): asked, the worker's first word (its script loaded), the result.
 */
export const IMPORT_MARKS = {
  start: 'jindong:import-start',
  workerUp: 'jindong:import-worker-up',
  result: 'jindong:import-result',
} as const
const mark = (name: string) => void globalThis.performance?.mark?.(name)

function createImportWorker(): ImportWorkerPort {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })
}

export function startImport(
  file: File,
  options: Omit<ImportOptions, 'fileName'>,
  createWorker: () => ImportWorkerPort = createImportWorker,
): ImportJob {
  const listeners: ((progress: ImportProgress) => void)[] = []
  const job = (promise: Promise<ImportResult>, cancel: () => void): ImportJob => ({
    promise,
    cancel,
    onProgress: (listener) => void listeners.push(listener),
  })

  const tooBig = checkSizeLimit(file.name, file.size, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES)
  if (tooBig) return job(Promise.resolve(tooBig), () => {})

  let settled = false
  let worker: ImportWorkerPort | null = null
  let rejectJob: (reason: unknown) => void = () => {}
  const promise = new Promise<ImportResult>((resolve, reject) => {
    rejectJob = reject
    const finish = (result: ImportResult) => {
      if (settled) return
      settled = true
      worker?.terminate()
      resolve(result)
    }
    mark(IMPORT_MARKS.start)
    let up = false
    try {
      worker = createWorker()
    } catch (error) {
      // No worker at all (workers blocked by the page's policy, or none in this browser): a failed
      // import like a worker that stopped, not a rejection the caller would take for something else.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      finish(importFailure(file.name, 'worker-stopped', reason))
      return
    }
    worker.onmessage = (event) => {
      const message = event.data
      if (!up) mark(IMPORT_MARKS.workerUp)
      up = true
      if (message.type === 'progress') for (const listener of listeners) listener(message.progress)
      else if (message.type === 'result') {
        mark(IMPORT_MARKS.result)
        finish(message.result)
      } else finish(importFailure(file.name, classifyEngineFailure(message.message), message.message))
    }
    // An ErrorEvent from the worker itself: it crashed, was killed, or its script did not load. A
    // new worker is made for the next import, so trying again is a real retry.
    worker.onerror = (event) => finish(importFailure(file.name, 'worker-stopped', event.message ?? ''))
    worker.postMessage({ file, options })
  })
  const cancel = () => {
    if (settled) return
    settled = true
    worker?.terminate()
    rejectJob(createAbortError())
  }
  return job(promise, cancel)
}
