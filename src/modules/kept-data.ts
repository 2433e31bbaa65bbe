/**
 * 本机数据: what the user brought comes back once the built data is in, and is kept from then on
 * (IndexedDB); GeoJSON at an address among it is fetched and refreshed (use-remote-layers.ts). Their
 * code and the first read of IndexedDB wait for the first view (after-first-view.ts).
 */
import { getCurrentScope } from 'vue'
import { runInAppScope, type AppModule } from '../app-module'
import { afterFirstView } from '../composables/after-first-view'

export const install: AppModule['install'] = ({ app }) =>
  runInAppScope(app, () => {
    // The app's scope, so that the refreshes stop with the app.
    const scope = getCurrentScope()
    afterFirstView(() => {
      void Promise.all([
        import('../stores/kept'),
        import('../user-data/kept/kept-idb'),
        import('../composables/use-remote-layers'),
      ]).then(
        ([{ useKeptStore }, { idbBackend }, { useRemoteLayers }]) =>
          app.runWithContext(() => {
            scope?.run(useRemoteLayers)
            useKeptStore().start(idbBackend())
          }),
        // The kept code could not load (the server went away): this visit keeps nothing, as without IndexedDB.
        () => undefined,
      )
    })
  })
