/**
 * Messages between the import client (main thread) and the import worker. The File crosses by
 * structured clone, which passes a handle, not the bytes: the worker reads it itself.
 */
import type { ImportOptions, ImportProgress, ImportResult } from './types'

export interface ImportWorkerRequest {
  file: File
  options: Omit<ImportOptions, 'fileName'>
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  /** The engine threw: the client names the cause (import-failure.ts) in a failed result. */
  | { type: 'failure'; message: string }
