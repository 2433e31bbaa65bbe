/**
 * Parts a planner is likely to ask for next (the heatmaps' controls, the warnings tab) are
 * fetched once the first view is drawn, one per idle period, so the first view never waits for them
 * and a click seldom does. A failed fetch is forgotten: the part loads on use as any other.
 */
import { runInAppScope, type AppModule } from '../app-module'
import { afterFirstView } from '../composables/after-first-view'
import { PREFETCH } from '../composables/lazy-component'
import { parts } from '../io/parts'
import { savesData, whenBrowserIdle } from '../map/browser-idle'

export const install: AppModule['install'] = ({ app }) =>
  runInAppScope(app, () =>
    afterFirstView(() => {
      if (savesData()) return
      const queue = [...PREFETCH]
      const next = () => {
        const item = queue.shift()
        if (!item) return
        void parts.load(item.name, item.loader).catch(() => undefined)
        whenBrowserIdle(next)
      }
      whenBrowserIdle(next)
    }),
  )
