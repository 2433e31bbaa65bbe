/**
 * What the import worker does with one request, without the worker: read the File, run the engine
 * and post progress, then the result, or a failure when reading or the engine throws. No DOM and no
 * `self`, so node tests call the same function the worker runs.
 */
import { transferablesOf } from '../tables/point-table'
import { importBytes } from './import-file'
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-protocol'

export type { ImportWorkerMessage, ImportWorkerRequest }

export type ImportEngine = typeof importBytes

/** "Name: message" for an Error, the value as text otherwise. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/**
 * Handles one request; resolves once the last message is posted and never rejects. `engine` is
 * importBytes unless a test passes another.
 */
export async function handleImportRequest(
  request: ImportWorkerRequest,
  post: (message: ImportWorkerMessage, transfer?: Transferable[]) => void,
  engine: ImportEngine = importBytes,
): Promise<void> {
  const { file, options } = request
  try {
    post({ type: 'progress', progress: { phase: 'reading', fraction: 0 } })
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = await engine(bytes, { ...options, fileName: file.name }, (progress) =>
      post({ type: 'progress', progress }),
    )
    // A large point set's typed arrays are moved, not copied: no clone of a million points on the page.
    const tables = [
      ...(result.points ? [result.points] : []),
      ...(result.project?.snapshot.layers ?? []).flatMap((layer) =>
        layer.data.kind === 'points' ? [layer.data.table] : [],
      ),
    ]
    post({ type: 'result', result }, tables.flatMap(transferablesOf))
  } catch (error) {
    post({ type: 'failure', message: failureMessage(error) })
  }
}
