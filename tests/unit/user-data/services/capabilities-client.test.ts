/**
 * Where the page has a Worker, a capabilities document is read in one made for it (a module named
 * "capabilities") and ended after; a worker that fails says why, like a failed read.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { readWmsInWorker, readWmtsInWorker } from '../../../../src/user-data/services/capabilities-client'
import { ServiceReadError } from '../../../../src/domain/services/service-problem'
import { readWmsCapabilities } from '../../../../src/domain/services/wms-capabilities'
import { readWmtsCapabilities } from '../../../../src/domain/services/wmts-capabilities'
import { stubWorkers } from '../../support/in-process-workers'

afterEach(() => vi.unstubAllGlobals())

const fixture = (name: string) => readFileSync(`tests/fixtures/services/${name}`, 'utf8')

describe('reading capabilities in a worker', () => {
  test('a WMTS document is read in a worker made for it, which is ended after', async () => {
    const made = stubWorkers()
    const text = fixture('wmts-tianditu.xml')
    const url = 'https://t0.tianditu.gov.cn/vec_c/wmts?tk=KEY'
    const caps = await readWmtsInWorker(text, url)
    expect(caps).toEqual(readWmtsCapabilities(text, url))
    expect(made).toHaveLength(1)
    expect(made[0]!.script).toMatch(/\/src\/user-data\/services\/capabilities\.worker\.ts$/)
    expect(made[0]!.options).toEqual({ type: 'module', name: 'capabilities' })
    expect(made[0]!.requests).toEqual([{ kind: 'wmts', text, url }])
    expect(made[0]!.terminated).toBe(true)
  })

  test('a WMS document too; its refusal comes back as the same error, in both languages', async () => {
    const made = stubWorkers()
    const text = fixture('wms-130-geoserver.xml')
    const url = 'http://10.1.2.3:8080/geoserver/wms'
    expect(await readWmsInWorker(text, url)).toEqual(readWmsCapabilities(text, url))
    const refused = readWmsInWorker(fixture('wms-exception.xml'), url)
    await expect(refused).rejects.toBeInstanceOf(ServiceReadError)
    expect(made.map((worker) => worker.terminated)).toEqual([true, true])
  })

  test('a worker that crashes gives its reason as the error, and is ended', async () => {
    const made = stubWorkers({ crash: 'Uncaught SyntaxError: Unexpected token' })
    await expect(readWmsInWorker('<WMS_Capabilities/>', 'http://h/wms')).rejects.toThrow(
      new Error('Uncaught SyntaxError: Unexpected token'),
    )
    expect(made[0]!.terminated).toBe(true)
  })

  test('a worker that stops without a reason says that it stopped', async () => {
    stubWorkers({ crash: '' })
    await expect(readWmtsInWorker('<Capabilities/>', 'http://h/wmts')).rejects.toThrow(
      new Error('the capabilities worker stopped'),
    )
  })

  test('without a Worker (node), the document is read in place', async () => {
    const text = fixture('wmts-tianditu.xml')
    const url = 'https://t0.tianditu.gov.cn/vec_c/wmts?tk=KEY'
    expect(typeof Worker).toBe('undefined')
    expect(await readWmtsInWorker(text, url)).toEqual(readWmtsCapabilities(text, url))
  })
})
