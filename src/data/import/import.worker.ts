/**
 * The import worker: reads the File, runs importBytes off the main thread and posts progress and
 * the result. One import per worker; the client terminates it to cancel.
 */
import { importBytes } from './import-file'
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-protocol'

function post(message: ImportWorkerMessage): void {
  self.postMessage(message)
}

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const { file, options } = event.data
  try {
    post({ type: 'progress', progress: { phase: 'reading', fraction: 0 } })
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await importBytes(bytes, { ...options, fileName: file.name }, (progress) =>
      post({ type: 'progress', progress }),
    )
    post({ type: 'result', result })
  } catch (error) {
    post({ type: 'failure', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
  }
}
