/**
 * 本机数据: what the user brought comes back once the built data is in, and is kept from then on
 * (IndexedDB). Its code and the first read of IndexedDB wait for the first view (after-first-view.ts).
 */
import { runInAppScope, type AppModule } from '../app-module'
import { afterFirstView } from '../composables/after-first-view'

export const install: AppModule['install'] = ({ app }) =>
  runInAppScope(app, () =>
    afterFirstView(() => {
      void Promise.all([import('../stores/kept'), import('../user-data/kept/kept-idb')]).then(
        ([{ useKeptStore }, { idbBackend }]) => app.runWithContext(() => useKeptStore().start(idbBackend())),
        // The kept code could not load (the server went away): this visit keeps nothing, as without IndexedDB.
        () => undefined,
      )
    }),
  )
