/**
 * Writes 本机数据's values into IndexedDB off the page: a large point set is tens of MB, and the
 * browser serialises (and wraps) a value in the thread that calls put() — ~0.26 s of the page's main
 * thread at a million rows. The page's copy to here is a plain structured clone of the typed arrays.
 */
import { createStore, set } from 'idb-keyval'
import { KEPT_DATABASE, type KeptWriteReply, type KeptWriteRequest } from './kept-idb-protocol'

const store = createStore(KEPT_DATABASE, 'kept')

self.onmessage = async (event: MessageEvent<KeptWriteRequest>) => {
  const { id, key, value } = event.data
  let reply: KeptWriteReply
  try {
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
