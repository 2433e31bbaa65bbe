/**
 * Starting an import from the UI. The size is checked against the limit before anything is read;
 * then a worker reads and parses the file, so even a 200 MB file leaves the page responsive.
 * The promise resolves with an ImportResult for every outcome the file can cause (a crash of the
 * worker included); it rejects only when cancelled, with a DOMException named "AbortError"
 * (test it with isImportAborted).
 */
import { createAbortError } from './import-context'
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-protocol'
import { checkSizeLimit, fileFailure } from './size-limit'
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

function createImportWorker(): ImportWorkerPort {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })
}

function crashResult(fileName: string, reason: string): ImportResult {
  return fileFailure(fileName, {
    found: reason,
    expected: 'the import to finish',
    message: {
      zh: `导入中断：${reason}（文件过大或内存不足？）；已加载的数据不受影响`,
      en: `the import stopped: ${reason} (file too large, or out of memory?); the data already loaded is unaffected`,
    },
  })
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
    worker = createWorker()
    worker.onmessage = (event) => {
      const message = event.data
      if (message.type === 'progress') for (const listener of listeners) listener(message.progress)
      else if (message.type === 'result') finish(message.result)
      else finish(crashResult(file.name, message.message))
    }
    worker.onerror = (event) => finish(crashResult(file.name, event.message || 'worker error'))
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
