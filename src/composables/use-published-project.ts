/**
 * Opens the published project at start-up, beside the built data, for every visitor: the server's
 * current publication (GET api/projects/current) when a server stands behind the page and has one
 * (src/platform/server-meta.ts: an admin published it, no rebuild), else the build's own
 * data/project.zip (copied by the build: scripts/published-project.ts) on a static host. Its layers
 * are marked `published` (shown to all, not kept in 本机数据). The visitor's own choices win: a
 * share link or stored settings keep their camera, language, basemap, visible layers and indicator.
 * Same origin, no other request.
 */
import { parseShareHash } from '../settings/share-link'
import { parseStoredSettings } from '../settings/stored-settings'
import { getActivePinia } from 'pinia'
import { useDataStore } from '../stores/data'
import { useViewStore } from '../stores/view'
import { i18n } from '../i18n'
import { SETTINGS_KEY } from './use-persisted-settings'
import { readServerMeta } from '../platform/server-meta'

function storedText(): string | null {
  try {
    return localStorage.getItem(SETTINGS_KEY)
  } catch {
    return null
  }
}

export function usePublishedProject() {
  const server = readServerMeta()
  const built = import.meta.env.VITE_PUBLISHED_PROJECT as string | undefined
  const source =
    server?.projectVersion != null
      ? { url: new URL('projects/current', server.apiBase), name: `project-v${server.projectVersion}.zip` }
      : built
        ? { url: new URL(built, document.baseURI), name: built }
        : null
  if (!source) return
  const name = source.name
  // Started by a module (src/modules/published-project.ts), outside any component: the global translator.
  const { t } = i18n.global
  const data = useDataStore()
  // The store's pinia, for the datasets store fetched later, outside this setup.
  const pinia = getActivePinia()
  const view = useViewStore()
  // Read now, before the app writes the hash and the stored settings back.
  const link = parseShareHash(window.location.hash)
  const stored = parseStoredSettings(storedText())
  const visitor = {
    camera: Boolean(link.camera ?? stored.camera),
    locale: Boolean(link.lang ?? stored.locale),
    basemap: Boolean(stored.basemap),
    layers: Boolean(link.layers),
    indicator: Boolean(link.indicator),
  }
  const fail = (reason: string) =>
    (data.errors = [...data.errors, t('project.publishedFailed', { file: name, reason })])

  void (async () => {
    try {
      const response = await fetch(source.url, { credentials: 'same-origin' })
      if (!response.ok) return fail(`HTTP ${response.status}`)
      const file = new File([await response.blob()], name)
      // The import engine is not in the first view's code: loaded here, only when a project is published.
      const [{ startImport }, { formatImportProblem }, { useDatasetsStore }] = await Promise.all([
        import('../user-data/import/import-client'),
        import('../user-data/import/import-issues'),
        import('../stores/datasets'),
      ])
      const datasets = useDatasetsStore(pinia)
      const result = await startImport(file, { declaredCrs: 'auto' }).promise
      const first = result.problems[0]
      if (!result.project) return fail(first ? formatImportProblem(first, view.locale) : '?')
      const tiandituKey = import.meta.env.VITE_TIANDITU_TK as string | undefined
      const applied = datasets.applyPublished(result.project, visitor, tiandituKey)
      for (const refused of applied.refused)
        fail(`${refused.layerId}: ${refused.reason[view.locale === 'en' ? 'en' : 'zh']}`)
      for (const missing of result.project.missing) fail(`${missing.name}: ${missing.path} (${missing.reason})`)
    } catch (error) {
      fail((error as Error).message)
    }
  })()
}
