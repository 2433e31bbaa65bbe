/** GeoJSON at an address, fetched and refreshed: src/composables/use-remote-layers.ts. */
import { runInAppScope, type AppModule } from '../app-module'
import { useRemoteLayers } from '../composables/use-remote-layers'

export const install: AppModule['install'] = ({ app }) => runInAppScope(app, useRemoteLayers)
