// The import templates: one CSV per kind, and what each imports as.
import { describe, expect, it } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { IMPORT_TEMPLATES, templateCsv } from '../../../../src/user-data/templates/import-templates'

const text = (value: string) => new TextEncoder().encode(value)
const run = (bytes: Uint8Array, fileName: string, sheet?: string) =>
  importBytes(bytes, { fileName, declaredCrs: 'auto', ...(sheet ? { sheet } : {}) })

describe('templates', () => {
  it('each kind is a CSV with BOM: header, a note row, one example row', () => {
    expect(IMPORT_TEMPLATES.map((t) => t.kind)).toEqual([
      'township-indicators',
      'stations',
      'readings',
      'inspections',
      'points',
    ])
    for (const template of IMPORT_TEMPLATES) {
      const csv = templateCsv(template, 'zh')
      expect(csv.startsWith('\uFEFF')).toBe(true)
      const lines = csv.slice(1).trimEnd().split('\r\n')
      expect(lines).toHaveLength(3)
      expect(lines[0]!.split(',')).toHaveLength(template.columns.length)
      expect(lines[1]!.startsWith('# ')).toBe(true)
    }
  })
  it('the township template, note row removed, imports as a joinable table', async () => {
    const csv = templateCsv(IMPORT_TEMPLATES[0]!, 'zh')
      .split('\r\n')
      .filter((line) => !line.startsWith('#'))
      .join('\r\n')
    const result = await run(text(csv), 't.csv')
    expect(result.table?.rows).toEqual([['曹宅镇', '12', '3.5']])
  })
  it('the points template imports as a point', async () => {
    const csv = templateCsv(IMPORT_TEMPLATES[4]!, 'en')
      .split('\r\n')
      .filter((line) => !line.startsWith('#'))
      .join('\r\n')
    expect((await run(text(csv), 'p.csv')).featureCount).toBe(1)
  })
})
