/**
 * The person at the keyboard when a server stands behind the page (src/platform/server-meta.ts):
 * who is logged in, what the one policy lets them do, whether the server answers, and the changes
 * kept while it did not (src/platform/outbox.ts). Loaded only with the platform's screens: the
 * static build never loads it.
 *
 * A visitor who never logged in makes no request here: the page remembers (in local storage, no
 * secret) only that someone logged in, and asks the server who it is only then.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { decide, type Action } from '../domain/access/policy'
import type { Bilingual } from '../domain/types'
import { ApiClient, ApiRefusal, ServerUnreachableError } from '../platform/api-client'
import {
  flushOutbox,
  indexedDbOutbox,
  type OutboxStorage,
  type PendingChange,
  type SendResult,
} from '../platform/outbox'
import { readServerMeta, type ServerMeta } from '../platform/server-meta'
import type { AuditEntry, PasswordRules, ProjectVersion, Who } from '../platform/api-shapes'

export type { AuditEntry, PasswordRules, ProjectVersion, Who }

export interface AuditFilter {
  person?: string
  kind?: string
  from?: string
  to?: string
}

/** What a change came to: sent, or kept to be sent when the server answers again. */
export type ChangeOutcome = { sent: true; response: Response } | { sent: false; kept: PendingChange }

/** Local storage: the name of whoever logged in last on this browser (no secret: the session is a cookie). */
export const SESSION_HINT_KEY = 'jindong-map-session-hint'
/** While the server does not answer, it is asked again this often. */
export const PROBE_INTERVAL_MS = 15_000

function hint(): string | null {
  try {
    return localStorage.getItem(SESSION_HINT_KEY)
  } catch {
    return null
  }
}
function setHint(name: string | null) {
  try {
    if (name) localStorage.setItem(SESSION_HINT_KEY, name)
    else localStorage.removeItem(SESSION_HINT_KEY)
  } catch {
    // private mode: the person logs in again after a reload
  }
}

let nextId = 0
const changeId = () => `${Date.now().toString(36)}-${(nextId++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export const useAccountStore = defineStore('account', () => {
  const meta = shallowRef<ServerMeta | null>(readServerMeta())
  const who = ref<Who | null>(null)
  /** False once a request found no server; true again when it answers. */
  const reachable = ref(true)
  /** Kept changes (all people's on this browser; only the logged-in person's are sent). */
  const pending = shallowRef<PendingChange[]>([])
  /** Kept changes the server refused when they were finally sent: said, until dismissed. */
  const refused = ref<{ label: Bilingual; reason: Bilingual }[]>([])
  /** Whether start() has run (once per page). */
  const started = ref(false)

  let storage: OutboxStorage | null = null
  let probeTimer: ReturnType<typeof setTimeout> | null = null
  const client = computed(() =>
    meta.value ? new ApiClient({ apiBase: meta.value.apiBase, csrfToken: () => who.value?.csrfToken ?? null }) : null,
  )

  /** The same policy as the server's: the interface shows only what the server would allow. */
  function can(action: Action): boolean {
    const actor = who.value
      ? { userId: 0, name: who.value.name, role: who.value.role, township: who.value.township?.code ?? null }
      : null
    return decide(actor, action).allowed
  }

  async function outbox(): Promise<OutboxStorage> {
    storage ??= await indexedDbOutbox()
    return storage
  }

  /** For tests: another storage and server note. */
  function configure(options: { storage?: OutboxStorage; meta?: ServerMeta | null }) {
    if (options.storage) storage = options.storage
    if (options.meta !== undefined) meta.value = options.meta
  }

  async function reloadPending() {
    pending.value = await (await outbox()).all()
  }

  function api(): ApiClient {
    if (!client.value) throw new Error('no server behind this page')
    return client.value
  }

  /** A request's failure to reach the server: say so, and ask again until it answers. */
  function lost() {
    reachable.value = false
    if (probeTimer) return
    const probe = async () => {
      probeTimer = null
      try {
        await api().send('GET', 'health', { timeoutMs: 5_000 })
        await found()
      } catch {
        probeTimer = setTimeout(() => void probe(), PROBE_INTERVAL_MS)
      }
    }
    probeTimer = setTimeout(() => void probe(), PROBE_INTERVAL_MS)
  }

  /** The server answers again: learn who we are (the session may have ended) and send what was kept. */
  async function found() {
    reachable.value = true
    if (hint()) await refresh()
    await flush()
  }

  /** At start: who is logged in (only if someone logged in on this browser), and the kept changes. */
  async function start() {
    if (started.value || !meta.value) return
    started.value = true
    await reloadPending().catch(() => undefined)
    if (hint()) await refresh()
    if (who.value && pending.value.length) await flush()
  }

  async function refresh() {
    try {
      who.value = await api().json<Who>('GET', 'session')
      setHint(who.value.name)
    } catch (error) {
      if (error instanceof ServerUnreachableError) return lost()
      // 401: the session ended (expired, or logged out elsewhere).
      who.value = null
      setHint(null)
    }
  }

  /** Logs in; throws ApiRefusal (wrong password, locked, too many tries) or ServerUnreachableError. */
  async function login(name: string, password: string) {
    try {
      who.value = await api().json<Who>('POST', 'session', { json: { name, password } })
    } catch (error) {
      if (error instanceof ServerUnreachableError) lost()
      throw error
    }
    reachable.value = true
    setHint(who.value.name)
    await reloadPending()
    await flush()
  }

  async function logout() {
    try {
      await api().send('DELETE', 'session')
    } catch (error) {
      // Unreachable: the session is forgotten here all the same, and expires on the server.
      if (error instanceof ServerUnreachableError) lost()
      else if (!(error instanceof ApiRefusal && error.status === 401)) throw error
    }
    who.value = null
    setHint(null)
  }

  /**
   * A state-changing request. When the server cannot be reached, it is kept (and sent later, under
   * this person's session); when the server says no, the ApiRefusal is thrown for the screen to say.
   */
  async function change(
    label: Bilingual,
    request: Pick<PendingChange, 'method' | 'path' | 'headers' | 'json' | 'body'>,
  ): Promise<ChangeOutcome> {
    if (!who.value) throw new ApiRefusal(401, 'unauthenticated', { zh: '请先登录', en: 'log in first' })
    try {
      const response = await api().send(request.method, request.path, { ...request, timeoutMs: 120_000 })
      reachable.value = true
      return { sent: true, response }
    } catch (error) {
      if (!(error instanceof ServerUnreachableError)) throw error
      const kept: PendingChange = {
        ...request,
        id: changeId(),
        by: who.value.name,
        madeAt: new Date().toISOString(),
        label,
      }
      await (await outbox()).put(kept)
      await reloadPending()
      lost()
      return { sent: false, kept }
    }
  }

  /** Sends this person's kept changes; what the server refuses is said in `refused`. */
  async function flush(): Promise<SendResult[]> {
    if (!who.value) return []
    const results = await flushOutbox(
      await outbox(),
      who.value.name,
      async (change) => void (await api().send(change.method, change.path, { ...change, timeoutMs: 120_000 })),
      // No server, or no session (it expired while the change waited): kept for the next login.
      (error) => error instanceof ServerUnreachableError || (error instanceof ApiRefusal && error.status === 401),
      (error) => (error instanceof ApiRefusal ? error.text : { zh: String(error), en: String(error) }),
    )
    for (const result of results)
      if (result.outcome === 'refused')
        refused.value = [...refused.value, { label: result.change.label, reason: result.reason }]
    if (results.some((r) => r.outcome === 'kept')) lost()
    await reloadPending()
    return results
  }

  /** A kept change the person chooses to drop (said in the banner until then). */
  async function discard(id: string) {
    await (await outbox()).remove(id)
    await reloadPending()
  }

  async function passwordRules(): Promise<PasswordRules> {
    return api().json<PasswordRules>('GET', 'password-rules')
  }

  /** Publishes a project zip (保存项目's bytes) with a note: every visitor sees it from then on. */
  function publish(zip: Uint8Array, note: string) {
    return change(
      { zh: `发布项目${note ? `：${note}` : ''}`, en: `Publish the project${note ? `: ${note}` : ''}` },
      {
        method: 'POST',
        path: 'projects',
        headers: { 'X-Note': encodeURIComponent(note) },
        body: new Blob([zip as BlobPart], { type: 'application/zip' }),
      },
    )
  }

  function restore(version: number, note: string) {
    return change(
      { zh: `恢复第 ${version} 版`, en: `Restore version ${version}` },
      { method: 'POST', path: `projects/${version}/restore`, headers: { 'X-Note': encodeURIComponent(note) } },
    )
  }

  async function versions(): Promise<ProjectVersion[]> {
    return (await api().json<{ versions: ProjectVersion[] }>('GET', 'projects')).versions
  }

  async function audit(filter: AuditFilter): Promise<AuditEntry[]> {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value)
    const suffix = query.size ? `?${query}` : ''
    return (await api().json<{ entries: AuditEntry[] }>('GET', `audit${suffix}`)).entries
  }

  function dismissRefusals() {
    refused.value = []
  }

  /** This person's kept changes (the banner counts them). */
  const mine = computed(() => pending.value.filter((c) => c.by === who.value?.name))

  return {
    meta,
    who,
    reachable,
    pending,
    mine,
    refused,
    started,
    can,
    configure,
    start,
    refresh,
    login,
    logout,
    change,
    flush,
    discard,
    passwordRules,
    publish,
    restore,
    versions,
    audit,
    dismissRefusals,
  }
})
