// Query strings built as text, the user's own parameters carried on, operation addresses mended;
// and the quoting of what a server said.
import { describe, expect, it } from 'vitest'
import { quoteServiceText, ServiceReadError } from '../../../../src/domain/services/service-problem'
import {
  appendQuery,
  operationUrl,
  queryParts,
  queryValue,
  sameHost,
  userQueryParts,
  withoutOgcKeys,
} from '../../../../src/domain/services/service-query'

describe('query strings', () => {
  it('carries the user’s own parameters, never the OGC ones', () => {
    expect(
      userQueryParts('http://h/wmts?SERVICE=WMTS&tk=abc&Request=GetCapabilities&namespace=jd&LAYER=x&TileMatrixSet=w'),
    ).toEqual(['tk=abc', 'namespace=jd'])
    expect(userQueryParts('http://h/wms')).toEqual([])
  })
  it('adds parts as written, braces included, skipping keys already there', () => {
    expect(appendQuery('http://h/wms', ['BBOX={bbox-epsg-3857}'])).toBe('http://h/wms?BBOX={bbox-epsg-3857}')
    expect(appendQuery('http://h/wms?', ['a=1'])).toBe('http://h/wms?a=1')
    expect(appendQuery('http://h/mapserv?map=/a.map&', ['a=1'])).toBe('http://h/mapserv?map=/a.map&a=1')
    expect(appendQuery('http://h/wms?TK=1', ['tk=2', 'b=3', 'B=4'])).toBe('http://h/wms?TK=1&b=3')
    expect(appendQuery('http://h/wms#x', [])).toBe('http://h/wms')
  })
  it('takes the OGC keys out of an operation address', () => {
    expect(withoutOgcKeys('http://h/ows?SERVICE=WMS&map=a&request=GetMap&')).toBe('http://h/ows?map=a')
    expect(withoutOgcKeys('http://h/ows?SERVICE=WMS&')).toBe('http://h/ows')
  })
  it('encodes values but leaves : / , readable', () => {
    expect(queryValue('jindong:河流 a/b,c&d')).toBe('jindong:%E6%B2%B3%E6%B5%81%20a/b,c%26d')
  })
})

describe('operation addresses', () => {
  it('reads paths against the user’s address', () => {
    expect(operationUrl('/geoserver/ows?', 'https://gis.example.cn/geoserver/wms')).toBe(
      'https://gis.example.cn/geoserver/ows?',
    )
    expect(operationUrl('//tiles.example.cn/wmts', 'https://gis.example.cn/x')).toBe('https://tiles.example.cn/wmts')
  })
  it('puts the user’s host in place of a loopback one the user did not type', () => {
    for (const host of ['localhost:8080', '127.0.0.1', '[::1]:8080', '0.0.0.0:80']) {
      expect(operationUrl(`http://${host}/geoserver/ows?`, 'https://gis.example.cn:8443/geoserver/wms')).toBe(
        'https://gis.example.cn:8443/geoserver/ows?',
      )
    }
    expect(operationUrl('http://localhost:8080/ows', 'http://localhost:8080/wms')).toBe('http://localhost:8080/ows')
  })
  it('keeps https for the user’s host, and leaves other hosts alone', () => {
    expect(operationUrl('http://gis.example.cn/ows', 'https://gis.example.cn/wms')).toBe('https://gis.example.cn/ows')
    expect(operationUrl('http://other.example.cn/ows', 'https://gis.example.cn/wms')).toBe(
      'http://other.example.cn/ows',
    )
  })
  it('gives null for what cannot be used', () => {
    expect(operationUrl('', 'http://h/wms')).toBeNull()
    expect(operationUrl(null, 'http://h/wms')).toBeNull()
    expect(operationUrl('ftp://h/ows', 'http://h/wms')).toBeNull()
    expect(operationUrl('ows?', 'http://h/wms')).toBeNull()
  })
  it('compares hosts with their ports', () => {
    expect(sameHost('http://H:8080/a', 'https://h:8080/b')).toBe(true)
    expect(sameHost('http://h:8080/a', 'http://h/b')).toBe(false)
    expect(sameHost('/a', '/a')).toBe(false)
  })
})

describe('refusals', () => {
  it('quote at most 200 characters, whitespace collapsed', () => {
    expect(quoteServiceText('  a\n\n  b  ')).toBe('a b')
    const long = quoteServiceText('x'.repeat(300))
    expect(long).toHaveLength(200)
    expect(long.endsWith('…')).toBe(true)
  })
  it('carry the problem, the message in English', () => {
    const error = new ServiceReadError({ zh: '中文', en: 'English' })
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe('English')
    expect(error.name).toBe('ServiceReadError')
    expect(error.problem.zh).toBe('中文')
  })
})

describe('query strings and hosts, more', () => {
  it('reads a key with + as a space, and a key with a broken escape as written, lowercased', () => {
    expect(appendQuery('http://h/x?my+key=1', ['my%20key=2'])).toBe('http://h/x?my+key=1')
    expect(queryParts('http://h/x?%ZZ=1&SERVICE%=2')).toEqual([
      { key: '%zz', raw: '%ZZ=1' },
      { key: 'service%', raw: 'SERVICE%=2' },
    ])
    expect(queryParts('?tk=1')).toEqual([{ key: 'tk', raw: 'tk=1' }])
  })
  it('keeps every part that is not OGC’s', () => {
    expect(withoutOgcKeys('http://h/ows?map=a&SERVICE=WMS&tk=1')).toBe('http://h/ows?map=a&tk=1')
  })
  it('reads an href with spaces around it', () => {
    expect(operationUrl('  /geoserver/ows  ', 'http://h/wms')).toBe('http://h/geoserver/ows')
  })
  it('knows a loopback host with a user name or any 127 address, and not a name that starts like one', () => {
    const user = 'https://gis.example.cn/geoserver/wms'
    expect(operationUrl('http://admin@localhost:8080/geoserver/ows', user)).toBe('https://gis.example.cn/geoserver/ows')
    expect(operationUrl('http://127.10.20.30/geoserver/ows', user)).toBe('https://gis.example.cn/geoserver/ows')
    expect(operationUrl('http://127.0.0.1.nip.io/geoserver/ows', user)).toBe('http://127.0.0.1.nip.io/geoserver/ows')
  })
  it('finds no host in common with an address that has none', () => {
    expect(sameHost('http://h/a', 'legend.png')).toBe(false)
  })
  it('quotes a text of exactly the limit whole', () => {
    expect(quoteServiceText('x'.repeat(200))).toBe('x'.repeat(200))
    expect(quoteServiceText('abcdef', 5)).toBe('abcd…')
  })
})
