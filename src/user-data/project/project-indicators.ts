/**
 * A project's joined indicators read back: each is a user indicator (`user:…`, provenance 'user')
 * with bilingual label, unit and note as text, and values that are finite numbers per township code.
 * Anything else is dropped with a line saying so. Pure TypeScript.
 */
import type { UserIndicatorId } from '../../domain/indicators/township-indicators'
import type { ProjectIssue } from './project-issue'
import type { UserIndicator } from '../tables/user-indicators'

const MAX_INDICATORS = 500
const MAX_AREAS = 1000
const CODE = /^\d{6,12}$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function bilingual(value: unknown, max: number): { zh: string; en: string } | null {
  if (!isRecord(value)) return null
  const { zh, en } = value
  return typeof zh === 'string' && typeof en === 'string' && zh.length <= max && en.length <= max ? { zh, en } : null
}

function parseIndicator(value: unknown): UserIndicator | null {
  if (!isRecord(value)) return null
  const id = value.id
  const label = bilingual(value.label, 400)
  if (typeof id !== 'string' || !id.startsWith('user:') || id.length > 600 || !label || !isRecord(value.values))
    return null
  const values: Record<string, number> = {}
  for (const [code, number] of Object.entries(value.values).slice(0, MAX_AREAS))
    if (CODE.test(code) && typeof number === 'number' && Number.isFinite(number)) values[code] = number
  return {
    id: id as UserIndicatorId,
    label,
    unit: bilingual(value.unit, 40) ?? { zh: '', en: '' },
    kind: 'count',
    // Whatever the file says, a joined column is the user's data.
    provenance: 'user',
    reportFigureIds: [],
    note: bilingual(value.note, 2000) ?? { zh: '', en: '' },
    values,
  }
}

export function parseProjectIndicators(value: unknown, issues: ProjectIssue[]): UserIndicator[] {
  if (!Array.isArray(value)) return []
  const parsed = value.slice(0, MAX_INDICATORS).map(parseIndicator)
  const dropped = parsed.filter((indicator) => !indicator).length + Math.max(0, value.length - MAX_INDICATORS)
  if (dropped)
    issues.push({
      fatal: false,
      field: 'indicators',
      message: { zh: `${dropped} 个指标无效，已跳过`, en: `${dropped} indicators are not valid; skipped` },
    })
  return parsed.filter((indicator): indicator is UserIndicator => indicator !== null)
}
