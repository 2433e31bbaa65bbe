/**
 * What to tell a person when an import did not finish: the cause, named from what failed, not a
 * guess. A worker that stops (crashed, killed, or its script could not load) is said to have
 * stopped; an engine error is read for what it is: nesting too deep for the stack, memory or
 * buffer limits, a file that could not be read; anything else is quoted as it came.
 */
import type { Bilingual } from '../../domain/types'
import { fileFailure } from './size-limit'
import type { ImportResult } from './types'

export type ImportFailureCause = 'worker-stopped' | 'too-deep' | 'memory' | 'unreadable' | 'engine-error'

/** The cause of an engine error, from its "Name: message" text. */
export function classifyEngineFailure(reason: string): ImportFailureCause {
  if (/maximum call stack|too much recursion/i.test(reason)) return 'too-deep'
  if (/out of memory|allocation failed|invalid (typed )?array length|invalid string length/i.test(reason))
    return 'memory'
  if (/NotReadableError|NotFoundError/.test(reason)) return 'unreadable'
  return 'engine-error'
}

const KEPT = { zh: '已加载的数据不受影响', en: 'the data already loaded is unaffected' }

function message(cause: ImportFailureCause, reason: string): Bilingual {
  const detail = reason ? { zh: `（${reason}）`, en: ` (${reason})` } : { zh: '', en: '' }
  switch (cause) {
    case 'worker-stopped':
      return {
        zh: `导入进程停止或未能加载${detail.zh}，可再试一次；${KEPT.zh}`,
        en: `the import worker stopped or could not load${detail.en}; try again. ${KEPT.en}`,
      }
    case 'too-deep':
      return {
        zh: `文件嵌套层级过深，无法读取${detail.zh}；${KEPT.zh}`,
        en: `the file is nested too deeply to read${detail.en}; ${KEPT.en}`,
      }
    case 'memory':
      return {
        zh: `浏览器没有足够内存读取此文件${detail.zh}；请拆分文件后再试；${KEPT.zh}`,
        en: `the browser ran out of memory reading this file${detail.en}; split it and try again. ${KEPT.en}`,
      }
    case 'unreadable':
      return {
        zh: `无法读取文件${detail.zh}（已移动、删除或无权限？）；${KEPT.zh}`,
        en: `the file could not be read${detail.en} (moved, deleted or not permitted?); ${KEPT.en}`,
      }
    default:
      return {
        zh: `导入中断：${reason}；${KEPT.zh}`,
        en: `the import stopped: ${reason}; ${KEPT.en}`,
      }
  }
}

/** A failed result for an import that did not finish, with its cause named. */
export function importFailure(fileName: string, cause: ImportFailureCause, reason: string): ImportResult {
  return fileFailure(fileName, {
    found: reason || cause,
    expected: 'the import to finish',
    message: message(cause, reason),
  })
}
