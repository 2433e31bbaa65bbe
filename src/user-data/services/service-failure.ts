/**
 * Why a service layer failed, as the notice over the map says it: a timeout with its seconds, a
 * refusal with its HTTP status, what was wrong with an answer (in both languages), or the words.
 */
import { HttpStatusError, NetworkTimeoutError } from '../../settings/network-timeouts'

export interface ServiceFailure {
  reason: string
  timeoutSeconds?: number
  /** The HTTP status of a refusal. */
  status?: number
  /** What was wrong with the answer, in both languages (a feed that is not GeoJSON). */
  problem?: { zh: string; en: string }
}

export function serviceFailureOf(error: unknown): ServiceFailure {
  if (error instanceof NetworkTimeoutError) return { reason: error.message, timeoutSeconds: error.seconds }
  if (error instanceof HttpStatusError) return { reason: error.message, status: error.status }
  const problem = (error as { problem?: { zh?: unknown; en?: unknown } } | null)?.problem
  if (typeof problem?.zh === 'string' && typeof problem.en === 'string')
    return { reason: problem.en, problem: { zh: problem.zh, en: problem.en } }
  return { reason: error instanceof Error ? error.message : String(error) }
}
