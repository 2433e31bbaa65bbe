/**
 * A big screen recovers by itself: when a part loaded after the first view could not load and the
 * page must reload (src/io/parts.ts), the heatmaps' state is handed over in session storage (the
 * address keeps the view, local storage the settings) and put back once the page is up again.
 */
import type { AppModule } from '../app-module'
import { parts } from '../io/parts'
import { useLayersStore } from '../stores/layers'

export const RECOVERY_KEY = 'jindong:recovery'

export const install: AppModule['install'] = ({ pinia }) => {
  const layers = useLayersStore(pinia)
  try {
    const saved = sessionStorage.getItem(RECOVERY_KEY)
    sessionStorage.removeItem(RECOVERY_KEY)
    // Read back as input like any other: each field checked, as a project file's are (that code is
    // loaded only on the rare start that follows such a reload).
    if (saved)
      void import('../user-data/project/project-view').then(({ parseProjectHeatmap }) => {
        const heatmap = parseProjectHeatmap((JSON.parse(saved) as { heatmap?: unknown }).heatmap)
        if (heatmap) layers.setHeatmapState(heatmap)
      })
  } catch {
    // Nothing handed over (or storage refused): the page starts as any page does.
  }
  parts.beforeReload(() => sessionStorage.setItem(RECOVERY_KEY, JSON.stringify({ heatmap: layers.heatmapState })))
}
