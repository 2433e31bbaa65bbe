/**
 * Writes 本机数据's values into IndexedDB off the page: a large point set is tens of MB, and the
 * browser serialises (and wraps) a value in the thread that calls put() — ~0.26 s of the page's main
 * thread at a million rows. The page's copy to here is a plain structured clone of the typed arrays,
 * a large point set's in pieces (kept-idb-protocol.ts), gathered here until its skeleton comes.
 */
import { createStore, set } from 'idb-keyval'
import { KEPT_DATABASE, joinPoints, type KeptWriteReply, type KeptWriteRequest } from './kept-idb-protocol'

const store = createStore(KEPT_DATABASE, 'kept')
const pieces = new Map<number, unknown[]>()

self.onmessage = async (event: MessageEvent<KeptWriteRequest>) => {
  const request = event.data
  if ('part' in request) {
    pieces.set(request.id, [...(pieces.get(request.id) ?? []), request.part])
    return
  }
  const { id, key, parts } = request
  let reply: KeptWriteReply
  try {
    const received = pieces.get(id) ?? []
    pieces.delete(id)
    const value = parts === undefined ? request.value : joinPoints(request.value, received)
    await set(key, value, store)
    reply = { id, ok: true }
  } catch (error) {
    const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown }
    reply = {
      id,
      ok: false,
      name: typeof name === 'string' ? name : 'Error',
      code: typeof code === 'number' ? code : 0,
      message: typeof message === 'string' ? message : String(error),
    }
  }
  self.postMessage(reply)
}
