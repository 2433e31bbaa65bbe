/**
 * GeoJSON at an address: each such layer's features are fetched when it is added or restored, and
 * again every `refreshMinutes` (0: once). A refresh that fails keeps the features the layer had and
 * says so over the map, naming the layer; the next refresh tries again. The fetching code loads
 * with the first such layer.
 */
import { watch } from 'vue'
import { useLayersStore } from '../stores/layers'
import { useServiceStatusStore } from '../stores/service-status'
import { serviceFailureOf } from '../user-data/services/service-failure'

export function useRemoteLayers() {
  const layers = useLayersStore()
  const status = useServiceStatusStore()
  /** Per layer id: the address and interval it was scheduled with, and its timer. */
  const scheduled = new Map<string, { key: string; timer: ReturnType<typeof setInterval> | null }>()

  async function refresh(id: string, url: string) {
    try {
      const { fetchRemoteGeojson } = await import('../user-data/services/remote-geojson')
      const collection = await fetchRemoteGeojson(url)
      // The layer may have been removed, or pointed elsewhere, while the feed was on its way.
      if (layers.record(id)?.service?.url !== url) return
      layers.setUserLayerData(id, collection)
      status.setStatus(id, null)
    } catch (error) {
      if (layers.record(id)) status.setStatus(id, serviceFailureOf(error))
    }
  }

  watch(
    () =>
      Object.values(layers.records).flatMap((r) =>
        r.service?.kind === 'geojson'
          ? [{ id: r.spec.id, url: r.service.url, minutes: r.service.refreshMinutes ?? 0, empty: !r.data }]
          : [],
      ),
    (feeds) => {
      const wanted = new Set(feeds.map((f) => f.id))
      for (const [id, entry] of scheduled)
        if (!wanted.has(id)) {
          if (entry.timer) clearInterval(entry.timer)
          scheduled.delete(id)
        }
      for (const feed of feeds) {
        const key = `${feed.url} ${feed.minutes}`
        const entry = scheduled.get(feed.id)
        if (entry?.key === key) continue
        if (entry?.timer) clearInterval(entry.timer)
        const timer =
          feed.minutes > 0 ? setInterval(() => void refresh(feed.id, feed.url), feed.minutes * 60_000) : null
        scheduled.set(feed.id, { key, timer })
        // Restored or added without features: fetched now.
        if (feed.empty) void refresh(feed.id, feed.url)
      }
    },
    { immediate: true },
  )
}
