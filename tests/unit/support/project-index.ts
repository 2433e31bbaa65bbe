// A project file's index (project.json) for the tests that read project zips: read-project (the
// reader itself) and import-project (the import engine meeting a project). One builder, so both
// follow the format as it is written.
import { strToU8 } from 'fflate'
import { PROJECT_FORMAT } from '../../../src/user-data/project/project-file'

/** One layer entry of the index: `data` is its file's path in the zip (or a point table's header). */
export const indexLayer = (id: string, data: string, name: string | null = null) => ({
  id,
  fileName: `${id}.geojson`,
  name,
  addedAt: '2026-12-01T00:00:00.000Z',
  data,
})

/** The index as text; `more` adds or overrides members (replacements, an unknown field, …). */
export const projectIndexText = (layers: unknown[] = [], more: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: PROJECT_FORMAT,
    version: 1,
    app: '0.1.0',
    savedAt: '2026-12-07',
    layers,
    replacements: [],
    ...more,
  })

/** A value as the bytes of a JSON file in the zip. */
export const jsonBytes = (value: unknown) => strToU8(JSON.stringify(value))
