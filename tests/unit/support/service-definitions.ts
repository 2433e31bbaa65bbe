/** Service layer definitions the project-file tests share: a PMTiles archive chosen as a file. */
import type { ServiceDefinition } from '../../../src/domain/services/service-types'

export const PMTILES_FROM_FILE: ServiceDefinition = {
  kind: 'pmtiles',
  url: 'imagery.pmtiles',
  host: 'imagery.pmtiles',
  title: '影像',
  attribution: '',
  crs: 'GCJ-02',
  pmtiles: { tileType: 'png', fromFile: true },
  minzoom: 6,
  maxzoom: 14,
}
