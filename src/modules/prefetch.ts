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

/** A performance mark once every part to prefetch has been asked for and has answered (or failed). */
export const PREFETCH_DONE_MARK = 'jindong:prefetch-done'

export const install: AppModule['install'] = ({ app }) =>
  runInAppScope(app, () =>
    afterFirstView(() => {
      if (savesData()) return
      const queue = [...PREFETCH]
      const loads: Promise<unknown>[] = []
      const next = () => {
        const item = queue.shift()
        if (!item) {
          void Promise.all(loads).then(() => performance.mark(PREFETCH_DONE_MARK))
          return
        }
        loads.push(parts.load(item.name, item.loader).catch(() => undefined))
        whenBrowserIdle(next)
      }
      whenBrowserIdle(next)
    }),
  )
