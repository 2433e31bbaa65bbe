/**
 * The capabilities worker's answer: plain data that survives a structured clone, and a refusal that
 * comes back on the page as the same ServiceReadError, in both languages.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { capabilitiesOf, handleCapabilitiesRequest } from '../../../../src/user-data/services/capabilities-protocol'
import { ServiceReadError } from '../../../../src/domain/services/service-problem'
import { readWmtsCapabilities } from '../../../../src/domain/services/wmts-capabilities'

const TIANDITU = readFileSync('tests/fixtures/services/wmts-tianditu.xml', 'utf8')
const URL = 'https://t0.tianditu.gov.cn/vec_c/wmts?tk=KEY'

describe('the capabilities worker', () => {
  test('its answer crosses a structured clone unchanged', () => {
    const answer = handleCapabilitiesRequest({ kind: 'wmts', text: TIANDITU, url: URL })
    expect(capabilitiesOf(structuredClone(answer))).toEqual(readWmtsCapabilities(TIANDITU, URL))
  })

  test('a refusal comes back as the same error, in both languages', () => {
    const answer = structuredClone(handleCapabilitiesRequest({ kind: 'wms', text: '<html><p>维护中', url: URL }))
    expect(answer.ok).toBe(false)
    let thrown: unknown
    try {
      capabilitiesOf(answer)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ServiceReadError)
    expect((thrown as ServiceReadError).problem.zh).toMatch(/XML|HTML/)
  })
})
