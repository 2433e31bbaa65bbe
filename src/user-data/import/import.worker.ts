/** The import worker: one request per worker (the client terminates it to cancel); see import-worker-loop.ts. */
import { handleImportRequest, type ImportWorkerRequest } from './import-worker-loop'

self.onmessage = (event: MessageEvent<ImportWorkerRequest>) =>
  void handleImportRequest(event.data, (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }))
