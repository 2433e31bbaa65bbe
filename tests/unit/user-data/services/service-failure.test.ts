// @vitest-environment happy-dom
/**
 * Why a service layer failed, as the notice over the map says it: a timeout with its seconds, a
 * refusal with its HTTP status, what was wrong with the answer in the reader's language, or the
 * error's own words; each notice names the layer and its host.
 */
import { describe, expect, test } from 'vitest'
import { serviceFailureOf } from '../../../../src/user-data/services/service-failure'
import { HttpStatusError, NetworkTimeoutError } from '../../../../src/settings/network-timeouts'
import { ServiceReadError } from '../../../../src/domain/services/service-problem'
import type { ServiceDefinition } from '../../../../src/domain/services/service-types'
import { useLayersStore } from '../../../../src/stores/layers'
import { addServiceLayer } from '../../../../src/stores/service-layers'
import { useServiceStatusStore } from '../../../../src/stores/service-status'
import { mountIn, setLocale, useFreshApp } from '../../support/app'
import ServiceFailureNotices from '../../../../src/components/ServiceFailureNotices.vue'

useFreshApp()

function wms(): ServiceDefinition {
  return {
    kind: 'wms',
    url: 'http://10.1.2.3:8080/geoserver/wms',
    host: '10.1.2.3:8080',
    title: '生态保护红线',
    attribution: '',
    crs: 'WGS84',
    raster: { scheme: 'wms', template: 'http://10.1.2.3:8080/geoserver/wms?LAYERS=zj:redline&BBOX={bbox-epsg-3857}' },
  }
}

/** The notice over the map once the layer failed with `error`. */
function noticeOf(error: unknown): string {
  const id = addServiceLayer(useLayersStore(), wms())
  useServiceStatusStore().setStatus(id, serviceFailureOf(error))
  return mountIn(ServiceFailureNotices).get('[data-testid="service-failure"]').text().replace(/\s*×$/, '')
}

describe('what a failed service layer says', () => {
  test('a timeout names the layer, the host and the seconds waited', () => {
    expect(noticeOf(new NetworkTimeoutError(15))).toBe(
      '服务图层「生态保护红线」（10.1.2.3:8080）15 秒内无应答，其余图层不受影响。',
    )
    expect(serviceFailureOf(new NetworkTimeoutError(15))).toEqual({
      reason: 'no answer within 15 s',
      timeoutSeconds: 15,
    })
  })

  test('a timeout in English', () => {
    setLocale('en')
    expect(noticeOf(new NetworkTimeoutError(7.5))).toBe(
      'The service layer "生态保护红线" (10.1.2.3:8080) did not answer within 7.5 s; the other layers are unaffected.',
    )
  })

  test('a refusal says its HTTP status', () => {
    expect(noticeOf(new HttpStatusError(403))).toBe('服务图层「生态保护红线」（10.1.2.3:8080）拒绝了请求（HTTP 403）。')
    expect(serviceFailureOf(new HttpStatusError(502))).toEqual({ reason: 'HTTP 502', status: 502 })
  })

  test('a feed that is not GeoJSON says what was wrong, in the reader’s language', () => {
    const error = new ServiceReadError({ zh: '不是 GeoJSON', en: 'not GeoJSON' })
    expect(noticeOf(error)).toBe('服务图层「生态保护红线」（10.1.2.3:8080）：不是 GeoJSON')
    expect(serviceFailureOf(error)).toEqual({
      reason: 'not GeoJSON',
      problem: { zh: '不是 GeoJSON', en: 'not GeoJSON' },
    })
  })

  test('the same problem in English', () => {
    setLocale('en')
    const error = new ServiceReadError({ zh: '不是 GeoJSON', en: 'not GeoJSON' })
    expect(noticeOf(error)).toBe('The service layer "生态保护红线" (10.1.2.3:8080): not GeoJSON')
  })

  test('a network failure says the host cannot be reached', () => {
    expect(noticeOf(new TypeError('Failed to fetch'))).toBe(
      '服务图层「生态保护红线」（10.1.2.3:8080）无法连接：地址不可达，或本部署未允许访问该主机。',
    )
  })

  test('any other error is said in its own words', () => {
    expect(noticeOf(new Error('Bad response code: 416'))).toBe(
      '服务图层「生态保护红线」（10.1.2.3:8080）返回了错误而不是图片：Bad response code: 416',
    )
    expect(serviceFailureOf('tile decode failed')).toEqual({ reason: 'tile decode failed' })
  })

  test('a problem in one language only is not taken for one in both', () => {
    const onlyChinese = Object.assign(new Error('half'), { problem: { zh: '只有中文', en: undefined } })
    const onlyEnglish = Object.assign(new Error('half'), { problem: { zh: 3, en: 'English only' } })
    expect(serviceFailureOf(onlyChinese)).toEqual({ reason: 'half' })
    expect(serviceFailureOf(onlyEnglish)).toEqual({ reason: 'half' })
  })

  test('null and undefined are said as such, not thrown over', () => {
    expect(serviceFailureOf(null)).toEqual({ reason: 'null' })
    expect(serviceFailureOf(undefined)).toEqual({ reason: 'undefined' })
  })
})
