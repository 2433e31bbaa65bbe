/**
 * Whether a server stands behind the page, read from the note it writes into the page
 * (`<meta name="jindong-server" content="api/" data-project-version="3">`, server/app.ts). The
 * static build has no such note: then the app makes no API request at all, and works as before.
 */
export interface ServerMeta {
  /** The API's base, absolute (the note is relative to the page, so the app may live under a path). */
  apiBase: string
  /** The published project's version when the page was served; null when nothing is published. */
  projectVersion: number | null
}

export function readServerMeta(doc: Document = document): ServerMeta | null {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="jindong-server"]')
  const content = meta?.content
  if (!meta || !content) return null
  let apiBase: string
  try {
    apiBase = new URL(content, doc.baseURI).href
  } catch {
    return null
  }
  // Same origin only: a page altered to point elsewhere does not send the session there.
  if (new URL(apiBase).origin !== new URL(doc.baseURI).origin) return null
  const version = Number(meta.dataset.projectVersion)
  return {
    apiBase,
    projectVersion: meta.dataset.projectVersion && Number.isInteger(version) && version > 0 ? version : null,
  }
}
