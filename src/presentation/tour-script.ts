/**
 * The presentation tour as data: a JSON script of stops, each saying where the map goes, which
 * layers show, which indicator colours the townships, what the caption says and for how long.
 *
 * A tour is edited by hand and then shown unattended for hours, so the parser is strict and
 * talkative: every problem is collected (not just the first), each message names the stop by its
 * index and id and the field at fault, and an id the app does not know (a layer, a township code,
 * an indicator, a report figure) is an error, never silently skipped. A script with any error is
 * not returned at all: a half-valid tour that drops stops at 3 a.m. is worse than a clear refusal
 * at load time.
 *
 * Pure TypeScript: no Vue, MapLibre or DOM.
 */

export interface Bilingual {
  zh: string
  en: string
}

export type HeatmapPollutant = 'pm25' | 'pm10' | 'o3_8h' | 'aqi'

export interface HeatmapPlayback {
  pollutant: HeatmapPollutant
  /** First month shown, 1 = January. */
  fromMonth: number
  /** Last month shown, inclusive. */
  toMonth: number
  secondsPerMonth: number
}

export type TourTarget = { town: string } | { camera: { zoom: number; lat: number; lng: number } } | { district: true }

export interface TourStop {
  id: string
  /** Where to fly: a township code (the map frames its area) or an explicit camera. */
  target: TourTarget
  /** Layers visible at this stop (others hidden); omitted = keep the default set. */
  layers?: string[]
  /** The indicator (an IndicatorId) that colours the townships; omitted, they are drawn as outlines. */
  indicator?: string
  /** Open the township panel for the target town. */
  showPanel?: boolean
  /** Heatmap playback: play the readings heatmap month by month for this pollutant. */
  heatmap?: HeatmapPlayback
  caption: Bilingual
  /** Report figure ids to highlight in the KPI header at this stop. */
  figures?: string[]
  /** Always present after parsing: a heatmap stop may omit it and gets months × secondsPerMonth. */
  durationSeconds: number
}

export interface TourScript {
  version: 1
  title: Bilingual
  loop: boolean
  stops: TourStop[]
}

/** The ids a tour may refer to, from the running app (manifest, town table, indicators, figures). */
export interface KnownTourIds {
  layerIds: readonly string[]
  townCodes: readonly string[]
  indicatorIds: readonly string[]
  figureIds: readonly string[]
  /**
   * Months the readings cover, inclusive. Defaults to READINGS_MONTHS: the sample readings run
   * Jan–Oct 2022 like the report, so a heatmap asking for November would play an empty map.
   */
  readingMonths?: { first: number; last: number }
}

export interface TourParseResult {
  script: TourScript | null
  errors: string[]
}

/** The pseudo-layer id of the readings heatmap (drawn by deck.gl, not a manifest layer). */
export const HEATMAP_LAYER_ID = 'readings-heatmap'

/** The months the sample readings cover: January to October 2022, the report's period. */
export const READINGS_MONTHS = { first: 1, last: 10 } as const

/**
 * Shortest and longest stop. Under 2 s the map has not finished flying before it leaves; over
 * 10 min a "tour" has become a still image, which is better done with loop: false and one stop.
 */
export const STOP_DURATION_LIMITS = { min: 2, max: 600 } as const

/** Seconds per heatmap month: faster than 0.5 s the month label cannot be read. */
export const SECONDS_PER_MONTH_LIMITS = { min: 0.5, max: 60 } as const

/**
 * Caption lengths that still fit the caption bar on the 1920×1080 stage at a size readable from
 * the back of a meeting room (two lines of about 40 Chinese characters, or of about 100 Latin ones).
 */
export const CAPTION_LIMITS = { zh: 100, en: 260 } as const

export const MAX_STOPS = 100

/** Stop ids appear in error messages and logs; kebab-case keeps them readable and URL-safe. */
const STOP_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const SCRIPT_FIELDS: ReadonlySet<string> = new Set(['version', 'title', 'loop', 'stops'])
const STOP_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'target',
  'layers',
  'indicator',
  'showPanel',
  'heatmap',
  'caption',
  'figures',
  'durationSeconds',
])
const HEATMAP_FIELDS: ReadonlySet<string> = new Set(['pollutant', 'fromMonth', 'toMonth', 'secondsPerMonth'])
const CAMERA_FIELDS: ReadonlySet<string> = new Set(['zoom', 'lat', 'lng'])
const HEATMAP_POLLUTANTS: readonly HeatmapPollutant[] = ['pm25', 'pm10', 'o3_8h', 'aqi']

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A found value for an error message, short enough to read in a log line. */
function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Collects errors for one place in the script ("title", "stop 3 (\"caozhai\")"). */
class ErrorSink {
  constructor(
    private readonly errors: string[],
    private readonly where: string,
  ) {}

  add(field: string, problem: string): void {
    this.errors.push(`${this.where}: field "${field}" ${problem}`)
  }

  unknownFields(object: JsonObject, allowed: ReadonlySet<string>, prefix = ''): void {
    for (const key of Object.keys(object)) {
      if (!allowed.has(key)) this.add(`${prefix}${key}`, `is not a known field (allowed: ${[...allowed].join(', ')})`)
    }
  }
}

function checkBilingual(
  value: unknown,
  field: string,
  sink: ErrorSink,
  limits?: { zh: number; en: number },
): Bilingual | null {
  if (!isObject(value)) {
    sink.add(field, `must be an object { "zh": "…", "en": "…" }, found ${describeFound(value)}`)
    return null
  }
  sink.unknownFields(value, new Set(['zh', 'en']), `${field}.`)
  let valid = true
  for (const language of ['zh', 'en'] as const) {
    const text = value[language]
    if (typeof text !== 'string' || text.trim() === '') {
      sink.add(`${field}.${language}`, `must be a non-empty string, found ${describeFound(text)}`)
      valid = false
    } else if (limits && [...text].length > limits[language]) {
      sink.add(
        `${field}.${language}`,
        `must be at most ${limits[language]} characters to fit the caption bar, found ${[...text].length}`,
      )
      valid = false
    }
  }
  return valid ? { zh: value.zh as string, en: value.en as string } : null
}

function checkNumberInRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
  sink: ErrorSink,
  integer = false,
): number | null {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    sink.add(
      field,
      `must be ${integer ? 'a whole number' : 'a number'} between ${min} and ${max}, found ${describeFound(value)}`,
    )
    return null
  }
  return value
}

/** A list of ids that must all be known and must not repeat. */
function checkIdList(
  value: unknown,
  field: string,
  known: ReadonlySet<string>,
  what: string,
  sink: ErrorSink,
): string[] | null {
  if (!Array.isArray(value)) {
    sink.add(field, `must be an array of ${what}s, found ${describeFound(value)}`)
    return null
  }
  const seen = new Set<string>()
  let valid = true
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string') {
      sink.add(`${field}[${index}]`, `must be a ${what} (a string), found ${describeFound(id)}`)
      valid = false
    } else if (!known.has(id)) {
      sink.add(field, `names unknown ${what} ${describeFound(id)}`)
      valid = false
    } else if (seen.has(id)) {
      sink.add(field, `lists ${what} ${describeFound(id)} twice`)
      valid = false
    } else {
      seen.add(id)
    }
  })
  return valid ? (value as string[]) : null
}

function checkTarget(value: unknown, sink: ErrorSink, townCodes: ReadonlySet<string>): TourTarget | null {
  const shapes = 'one of { "town": CODE }, { "camera": { "zoom", "lat", "lng" } } or { "district": true }'
  if (!isObject(value)) {
    sink.add('target', `must be ${shapes}, found ${describeFound(value)}`)
    return null
  }
  const keys = Object.keys(value)
  if (keys.length !== 1) {
    sink.add('target', `must be ${shapes}, found ${describeFound(value)}`)
    return null
  }
  if ('town' in value) {
    if (typeof value.town !== 'string' || !townCodes.has(value.town)) {
      sink.add('target.town', `must be a known township code, found ${describeFound(value.town)}`)
      return null
    }
    return { town: value.town }
  }
  if ('district' in value) {
    if (value.district !== true) {
      sink.add('target.district', `must be true, found ${describeFound(value.district)}`)
      return null
    }
    return { district: true }
  }
  if ('camera' in value) {
    const camera = value.camera
    if (!isObject(camera)) {
      sink.add('target.camera', `must be an object { "zoom", "lat", "lng" }, found ${describeFound(camera)}`)
      return null
    }
    sink.unknownFields(camera, CAMERA_FIELDS, 'target.camera.')
    // The same ranges as the share link accepts (src/settings/share-link.ts).
    const zoom = checkNumberInRange(camera.zoom, 'target.camera.zoom', 0, 22, sink)
    const lat = checkNumberInRange(camera.lat, 'target.camera.lat', -85, 85, sink)
    const lng = checkNumberInRange(camera.lng, 'target.camera.lng', -180, 180, sink)
    if (zoom === null || lat === null || lng === null || Object.keys(camera).length !== 3) return null
    return { camera: { zoom, lat, lng } }
  }
  sink.add('target', `must be ${shapes}, found ${describeFound(value)}`)
  return null
}

function checkHeatmap(
  value: unknown,
  sink: ErrorSink,
  months: { first: number; last: number },
): HeatmapPlayback | null {
  if (!isObject(value)) {
    sink.add(
      'heatmap',
      `must be an object { "pollutant", "fromMonth", "toMonth", "secondsPerMonth" }, found ${describeFound(value)}`,
    )
    return null
  }
  sink.unknownFields(value, HEATMAP_FIELDS, 'heatmap.')
  let valid = Object.keys(value).every((key) => HEATMAP_FIELDS.has(key))
  const pollutant = value.pollutant
  if (typeof pollutant !== 'string' || !(HEATMAP_POLLUTANTS as readonly string[]).includes(pollutant)) {
    sink.add('heatmap.pollutant', `must be one of ${HEATMAP_POLLUTANTS.join(', ')}, found ${describeFound(pollutant)}`)
    valid = false
  }
  const fromMonth = checkNumberInRange(value.fromMonth, 'heatmap.fromMonth', months.first, months.last, sink, true)
  const toMonth = checkNumberInRange(value.toMonth, 'heatmap.toMonth', months.first, months.last, sink, true)
  const secondsPerMonth = checkNumberInRange(
    value.secondsPerMonth,
    'heatmap.secondsPerMonth',
    SECONDS_PER_MONTH_LIMITS.min,
    SECONDS_PER_MONTH_LIMITS.max,
    sink,
  )
  if (fromMonth !== null && toMonth !== null && fromMonth > toMonth) {
    sink.add('heatmap.toMonth', `must not come before fromMonth (${fromMonth}), found ${toMonth}`)
    valid = false
  }
  if (!valid || fromMonth === null || toMonth === null || secondsPerMonth === null) return null
  return { pollutant: pollutant as HeatmapPollutant, fromMonth, toMonth, secondsPerMonth }
}

/** How long a heatmap takes to play every month once. */
export function heatmapPlaybackSeconds(heatmap: HeatmapPlayback): number {
  return (heatmap.toMonth - heatmap.fromMonth + 1) * heatmap.secondsPerMonth
}

function checkStop(
  value: unknown,
  index: number,
  sets: KnownSets,
  months: { first: number; last: number },
  errors: string[],
): TourStop | null {
  const rawId = isObject(value) && typeof value.id === 'string' ? value.id : null
  const sink = new ErrorSink(errors, rawId === null ? `stop ${index}` : `stop ${index} (${JSON.stringify(rawId)})`)
  if (!isObject(value)) {
    errors.push(`stop ${index}: must be an object, found ${describeFound(value)}`)
    return null
  }
  const before = errors.length
  sink.unknownFields(value, STOP_FIELDS)

  if (rawId === null || !STOP_ID_PATTERN.test(rawId)) {
    sink.add('id', `must be a kebab-case string such as "caozhai-model-town", found ${describeFound(value.id)}`)
  }
  const target = checkTarget(value.target, sink, sets.townCodes)
  const layers =
    value.layers === undefined ? undefined : checkIdList(value.layers, 'layers', sets.layerIds, 'layer id', sink)

  let indicator: string | undefined
  if (value.indicator !== undefined) {
    if (typeof value.indicator !== 'string' || !sets.indicatorIds.has(value.indicator)) {
      sink.add(
        'indicator',
        `must be a known indicator id (${[...sets.indicatorIds].join(', ')}), found ${describeFound(value.indicator)}`,
      )
    } else {
      indicator = value.indicator
    }
  }

  let showPanel: boolean | undefined
  if (value.showPanel !== undefined) {
    if (typeof value.showPanel !== 'boolean') {
      sink.add('showPanel', `must be true or false, found ${describeFound(value.showPanel)}`)
    } else {
      showPanel = value.showPanel
      // The panel belongs to a township; with a camera or district target there is none to open.
      if (showPanel && target !== null && !('town' in target)) {
        sink.add('showPanel', 'needs a "town" target: the panel opens for the target township')
      }
    }
  }

  const heatmap = value.heatmap === undefined ? undefined : checkHeatmap(value.heatmap, sink, months)
  if (heatmap && layers && !layers.includes(HEATMAP_LAYER_ID)) {
    sink.add('layers', `must include "${HEATMAP_LAYER_ID}" when "heatmap" is set, or the playback would run unseen`)
  }
  if (heatmap && value.layers === undefined) {
    sink.add(
      'layers',
      `must be given and include "${HEATMAP_LAYER_ID}" when "heatmap" is set (the default layers do not show it)`,
    )
  }

  const caption = checkBilingual(value.caption, 'caption', sink, CAPTION_LIMITS)
  const figures =
    value.figures === undefined
      ? undefined
      : checkIdList(value.figures, 'figures', sets.figureIds, 'report figure id', sink)

  // A heatmap stop may leave its duration to the playback; otherwise the duration is required and
  // must leave the playback time to reach its last month.
  let durationSeconds: number | null = null
  if (value.durationSeconds === undefined && heatmap) {
    durationSeconds = Math.min(
      STOP_DURATION_LIMITS.max,
      Math.max(STOP_DURATION_LIMITS.min, heatmapPlaybackSeconds(heatmap)),
    )
  } else {
    durationSeconds = checkNumberInRange(
      value.durationSeconds,
      'durationSeconds',
      STOP_DURATION_LIMITS.min,
      STOP_DURATION_LIMITS.max,
      sink,
    )
  }
  if (heatmap && durationSeconds !== null && durationSeconds < heatmapPlaybackSeconds(heatmap)) {
    const months = heatmap.toMonth - heatmap.fromMonth + 1
    sink.add(
      'durationSeconds',
      `must be at least ${heatmapPlaybackSeconds(heatmap)} (${months} months × ${heatmap.secondsPerMonth} s) ` +
        `so the heatmap plays to its last month, found ${durationSeconds}`,
    )
  }

  if (errors.length > before || rawId === null || target === null || caption === null || durationSeconds === null)
    return null
  const stop: TourStop = { id: rawId, target, caption, durationSeconds }
  if (layers) stop.layers = [...layers]
  if (indicator !== undefined) stop.indicator = indicator
  if (showPanel !== undefined) stop.showPanel = showPanel
  if (heatmap) stop.heatmap = heatmap
  if (figures) stop.figures = [...figures]
  return stop
}

interface KnownSets {
  layerIds: ReadonlySet<string>
  townCodes: ReadonlySet<string>
  indicatorIds: ReadonlySet<string>
  figureIds: ReadonlySet<string>
}

/**
 * Validates a tour script. Returns the script when it has no error, otherwise null and every
 * error found. Messages name stops by their index in the `stops` array (0-based, as the runner
 * counts them) and their id: `stop 3 ("caozhai"): field "durationSeconds" must be between 2 and
 * 600, found 0`.
 */
export function parseTourScript(json: unknown, known: KnownTourIds): TourParseResult {
  const errors: string[] = []
  const sets: KnownSets = {
    layerIds: new Set(known.layerIds),
    townCodes: new Set(known.townCodes),
    indicatorIds: new Set(known.indicatorIds),
    figureIds: new Set(known.figureIds),
  }
  const months = known.readingMonths ?? READINGS_MONTHS

  if (!isObject(json)) return { script: null, errors: [`tour: must be a JSON object, found ${describeFound(json)}`] }
  const sink = new ErrorSink(errors, 'tour')
  sink.unknownFields(json, SCRIPT_FIELDS)

  if (json.version !== 1) sink.add('version', `must be 1, found ${describeFound(json.version)}`)
  const title = checkBilingual(json.title, 'title', sink)
  if (typeof json.loop !== 'boolean') sink.add('loop', `must be true or false, found ${describeFound(json.loop)}`)

  const stops: TourStop[] = []
  if (!Array.isArray(json.stops) || json.stops.length === 0) {
    sink.add('stops', `must be a non-empty array of stops, found ${describeFound(json.stops)}`)
  } else if (json.stops.length > MAX_STOPS) {
    sink.add('stops', `must have at most ${MAX_STOPS} stops, found ${json.stops.length}`)
  } else {
    const firstIndexOfId = new Map<string, number>()
    json.stops.forEach((rawStop: unknown, index) => {
      const stop = checkStop(rawStop, index, sets, months, errors)
      // Duplicates are checked on the raw id, so a repeat is reported even when either stop has
      // other errors.
      const rawId = isObject(rawStop) && typeof rawStop.id === 'string' ? rawStop.id : null
      if (rawId !== null) {
        const earlier = firstIndexOfId.get(rawId)
        if (earlier !== undefined) {
          errors.push(
            `stop ${index} (${JSON.stringify(rawId)}): field "id" repeats the id of stop ${earlier}; ` +
              'ids must be unique',
          )
          return
        }
        firstIndexOfId.set(rawId, index)
      }
      if (stop) stops.push(stop)
    })
  }

  if (errors.length > 0 || title === null || typeof json.loop !== 'boolean') return { script: null, errors }
  return { script: { version: 1, title, loop: json.loop, stops }, errors }
}

/** Total running time of one pass through the tour, in seconds. */
export function tourDurationSeconds(script: TourScript): number {
  return script.stops.reduce((total, stop) => total + stop.durationSeconds, 0)
}
