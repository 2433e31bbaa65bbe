import { describe, expect, test } from 'vitest'
import { quoteServiceText, serviceErrorText } from '../../../../src/domain/services/service-problem'

describe("what a service's error answer says", () => {
  test('the OGC exception text, without markup or CDATA', () => {
    expect(serviceErrorText('<ows:ExceptionText><![CDATA[bad <b>bbox</b>]]></ows:ExceptionText>')).toBe('bad bbox')
    expect(
      serviceErrorText(
        '<ServiceExceptionReport><ServiceException code="LayerNotDefined">\n  Could not find zj:x\n' +
          '</ServiceException></ServiceExceptionReport>',
      ),
    ).toBe('Could not find zj:x')
  })

  test("an ArcGIS JSON error's message; an HTML page's text", () => {
    expect(serviceErrorText('{"error":{"code":498,"message":"Invalid token"}}')).toBe('Invalid token')
    expect(serviceErrorText('<html><body><h1>502 Bad Gateway</h1></body></html>')).toBe('502 Bad Gateway')
  })

  test('at most 160 characters, the cut marked', () => {
    const said = serviceErrorText('x'.repeat(500))
    expect(said).toHaveLength(160)
    expect(said.endsWith('…')).toBe(true)
    expect(quoteServiceText('  a \n b  ')).toBe('a b')
  })
})
