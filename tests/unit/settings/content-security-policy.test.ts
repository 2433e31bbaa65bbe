import { describe, expect, test } from 'vitest'
import {
  connectSources,
  contentSecurityPolicy,
  parseServiceHosts,
  urlAllowed,
  withContentSecurityPolicy,
} from '../../../src/settings/content-security-policy'

describe('the content security policy', () => {
  test('names the basemaps and the configured hosts, and opens no whole scheme', () => {
    const policy = contentSecurityPolicy(['http://10.1.2.3:8080', 'https://*.zj.gov.cn'])
    const connect = connectSources(policy)
    expect(connect).toContain('http://10.1.2.3:8080')
    expect(connect).toContain('https://*.tianditu.gov.cn')
    expect(connect).not.toContain('https:')
    expect(connect).not.toContain('http:')
    expect(policy).toContain("script-src 'self';")
  })

  test('SERVICE_HOSTS: host sources only', () => {
    expect(parseServiceHosts(' https://a.cn, http://10.0.0.1:81 ')).toEqual(['https://a.cn', 'http://10.0.0.1:81'])
    expect(parseServiceHosts(undefined)).toEqual([])
    for (const bad of ['https:', '*', "'unsafe-inline'", 'https://a.cn/path', 'ftp://a.cn', 'https://a.cn;script-src'])
      expect(() => parseServiceHosts(bad)).toThrow(/SERVICE_HOSTS/)
  })

  test('a URL is allowed by host, wildcard subdomain and port', () => {
    const sources = ["'self'", 'https://*.tianditu.gov.cn', 'http://10.1.2.3:8080', 'http://127.0.0.1:*']
    const self = 'http://127.0.0.1:4173'
    expect(urlAllowed('https://t0.tianditu.gov.cn/vec_w/wmts', sources, self)).toBe(true)
    expect(urlAllowed('https://tianditu.gov.cn.evil.cn/x', sources, self)).toBe(false)
    expect(urlAllowed('http://t0.tianditu.gov.cn/x', sources, self)).toBe(false)
    expect(urlAllowed('http://10.1.2.3:8080/wms', sources, self)).toBe(true)
    expect(urlAllowed('http://10.1.2.3/wms', sources, self)).toBe(false)
    expect(urlAllowed('http://127.0.0.1:9999/wms', sources, self)).toBe(true)
    expect(urlAllowed('http://127.0.0.1:4173/geo/x.json', ["'self'"], self)).toBe(true)
    expect(urlAllowed('not a url', sources, self)).toBe(false)
  })

  test('index.html gets the policy; a page without one is refused', () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="default-src *" /></head>'
    expect(withContentSecurityPolicy(html, ['https://a.cn'])).toContain('https://a.cn')
    expect(withContentSecurityPolicy(html, [])).not.toContain('default-src *')
    expect(() => withContentSecurityPolicy('<head></head>', [])).toThrow(/no Content-Security-Policy/)
  })
})
