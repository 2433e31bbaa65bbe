/** Messages between the page and the kept-data writer (kept-idb.worker.ts). */
export const KEPT_DATABASE = 'jindong-map-kept'

export interface KeptWriteRequest {
  id: number
  key: string
  value: unknown
}

export type KeptWriteReply =
  { id: number; ok: true } | { id: number; ok: false; name: string; code: number; message: string }
