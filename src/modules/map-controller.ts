/**
 * The one way to the map: the controller (src/map/controller.ts) is made here and provided to the
 * whole app; components inject it (src/composables/use-map-controller.ts) and never import src/map.
 * It builds the map when MapView mounts and gives it up when MapView unmounts.
 */
import type { AppModule } from '../app-module'
import { MAP_CONTROLLER } from '../composables/use-map-controller'
import { createMapController } from '../map/controller'

export const install: AppModule['install'] = ({ app }) => {
  app.provide(MAP_CONTROLLER, createMapController())
}
