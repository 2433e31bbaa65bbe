/**
 * Where the two national-control sections (国控断面) 东关桥 and 洪坞桥 sit on the river lines, and
 * their sample classes. The report names the sections but gives no coordinates; both are the
 * last sections on their rivers before the 义乌江 and 武义江 meet to form the 金华江, so each is
 * put a fixed distance upstream of that confluence along its river's (approximate) line.
 * Shared by river-sections.ts and water-sections.ts so both layers agree on every position.
 */
import { distance } from '@turf/turf'
import type { Feature, LineString, MultiLineString, Position } from 'geojson'
import { COORDINATE_DECIMALS } from '../io'
import {
  SECTION_UPSTREAM_KM,
  waterClassInfo,
  type WaterClassNumber,
  type WaterSample,
  type WaterSection,
} from '../../../src/domain/samples'

/** Distance of each section above the confluence along its river line; approximate, see the caveats. */

/** Rivers of rivers.geojson the sections lie on. Each line runs downstream and ends at the confluence. */
const SECTION_RIVER: Readonly<Record<WaterSection['id'], string>> = {
  dongguanqiao: 'river-04',
  hongwuqiao: 'river-05',
}
/** Starts at the confluence: the line that shows where the two rivers meet. */
export const JINHUA_RIVER_ID = 'river-04-jinhuajiang'

export interface PlacedSection {
  section: WaterSection
  riverId: string
  point: [number, number]
  /** The river line from its start down to the section, and from the section to the confluence. */
  upstream: Position[]
  downstream: Position[]
  monthlyClasses: WaterClassNumber[]
  meanClassNumber: number
  /** The Jan–Oct mean class number rounded with Math.round, as generateWaterSample rounds its mean. */
  meanClass: WaterClassNumber
  meanClassLabel: string
}

const roundCoordinate = (value: number): number =>
  Math.round(value * 10 ** COORDINATE_DECIMALS) / 10 ** COORDINATE_DECIMALS

export function lineById(rivers: readonly Feature<LineString | MultiLineString>[], id: string): Position[] {
  const river = rivers.find((r) => r.properties?.id === id)
  if (!river || river.geometry.type !== 'LineString')
    throw new Error(`rivers.geojson: expected a LineString with id ${id}`)
  return river.geometry.coordinates
}

/**
 * Splits a line at `km` before its end (distances along the line by turf's great-circle distance;
 * within a segment the point is interpolated linearly, exact enough over segments of a few hundred
 * metres). Returns the point and the two parts, which share it.
 */
export function splitBeforeEnd(
  line: readonly Position[],
  km: number,
): { point: [number, number]; before: Position[]; after: Position[] } {
  let covered = 0
  for (let i = line.length - 1; i > 0; i--) {
    const from = line[i - 1]!
    const to = line[i]!
    const segment = distance(from, to, { units: 'kilometers' })
    if (covered + segment >= km && segment > 0) {
      const share = (km - covered) / segment // measured back from `to`
      const point: [number, number] = [
        roundCoordinate(to[0]! + (from[0]! - to[0]!) * share),
        roundCoordinate(to[1]! + (from[1]! - to[1]!) * share),
      ]
      return { point, before: [...line.slice(0, i), point], after: [point, ...line.slice(i)] }
    }
    covered += segment
  }
  throw new Error(`splitBeforeEnd: the line is only ${covered.toFixed(3)} km long, shorter than ${km} km`)
}

const samePosition = (a: Position | undefined, b: Position | undefined): boolean =>
  !!a && !!b && a[0] === b[0] && a[1] === b[1]

export function placeNationalSections(
  rivers: readonly Feature<LineString | MultiLineString>[],
  water: WaterSample,
): PlacedSection[] {
  const confluence = lineById(rivers, JINHUA_RIVER_ID)[0]
  return water.sections.map((section) => {
    const riverId = SECTION_RIVER[section.id]
    const line = lineById(rivers, riverId)
    if (!samePosition(line[line.length - 1], confluence)) {
      throw new Error(
        `rivers.geojson: ${riverId} does not end where ${JINHUA_RIVER_ID} starts; ` +
          'the section cannot be placed above the confluence',
      )
    }
    const { point, before, after } = splitBeforeEnd(line, SECTION_UPSTREAM_KM)
    const monthlyClasses = water.monthly
      .filter((m) => m.sectionId === section.id)
      .sort((a, b) => a.month - b.month)
      .map((m) => m.waterClass)
    const perSection = water.summary.perSection.find((s) => s.sectionId === section.id)
    if (!perSection || monthlyClasses.length !== 10)
      throw new Error(`water sample: no Jan–Oct classes for section ${section.id}`)
    const meanClass = Math.round(perSection.meanClassNumber) as WaterClassNumber
    return {
      section,
      riverId,
      point,
      upstream: before,
      downstream: after,
      monthlyClasses,
      meanClassNumber: perSection.meanClassNumber,
      meanClass,
      meanClassLabel: waterClassInfo(meanClass).label,
    }
  })
}
