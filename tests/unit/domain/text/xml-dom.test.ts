// The worker-side XML DOM that togeojson reads KML and GPX through, and the syntax errors it names.
import { describe, expect, it } from 'vitest'
import { parseXml, XmlSyntaxError } from '../../../../src/domain/text/xml-dom'

describe('the worker-side XML DOM', () => {
  it('builds what togeojson reads: elements, attributes, text, CDATA, entities, namespaces', () => {
    const document = parseXml(
      '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x "y">]><kml xmlns="urn:k" xmlns:gx="urn:gx"><a id=\'1\'>x ' +
        '&amp; &#x4E2D;<![CDATA[<b>]]></a><gx:Track/></kml>',
    )
    const a = document.getElementsByTagName('a')[0]!
    expect(a.getAttribute('id')).toBe('1')
    expect(a.textContent).toBe('x & 中<b>')
    expect(a.childNodes.item(1)?.nodeType).toBe(4)
    expect(document.getElementsByTagNameNS('urn:gx', 'Track')).toHaveLength(1)
    expect(document.documentElement?.namespaceURI).toBe('urn:k')
  })
  it.each([
    ['<kml><a></b></kml>', 1, 'does not match <a>'],
    ['<kml>\n<a>', 2, 'the file ends inside <a>'],
    ['<kml a=1></kml>', 1, 'values must be quoted'],
    ['<kml/><kml/>', 1, 'after the root element'],
    ['', 1, 'no root element'],
  ])('refuses %j with its line', (xml, line, message) => {
    try {
      parseXml(xml)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(XmlSyntaxError)
      expect((error as XmlSyntaxError).line).toBe(line)
      expect((error as Error).message).toContain(message)
    }
  })
})
