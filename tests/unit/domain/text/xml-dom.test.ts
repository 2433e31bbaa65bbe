// The worker-side XML DOM that togeojson reads KML and GPX through, the syntax errors it names, and the root's
// namespace prefix dropped for togeojson.
import { describe, expect, it } from 'vitest'
import { parseXml, unprefixRootNamespace, XmlSyntaxError } from '../../../../src/domain/text/xml-dom'

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

describe('unprefixRootNamespace', () => {
  const names = (xml: string) => {
    const document = parseXml(xml)
    unprefixRootNamespace(document)
    return {
      tags: document.getElementsByTagName('*').map((element) => element.tagName),
      root: document.documentElement!.attributes,
    }
  }

  it("drops the root's prefix in its namespace only, and declares that namespace as the default", () => {
    const xml =
      '<g:gpx xmlns:g="urn:gpx" xmlns:x="urn:x" v="1"><g:wpt><g:name/><x:name/><name/>' +
      '<g:extensions xmlns:g="urn:other"/></g:wpt></g:gpx>'
    expect(names(xml)).toEqual({
      tags: ['gpx', 'wpt', 'name', 'x:name', 'name', 'g:extensions'],
      root: [
        { name: 'xmlns:x', value: 'urn:x' },
        { name: 'v', value: '1' },
        { name: 'xmlns', value: 'urn:gpx' },
      ],
    })
  })

  it('keeps a default namespace the root already declares; leaves an unprefixed root alone', () => {
    expect(names('<k:kml xmlns="urn:d" xmlns:k="urn:k"><k:a/></k:kml>')).toEqual({
      tags: ['kml', 'a'],
      root: [{ name: 'xmlns', value: 'urn:d' }],
    })
    expect(names('<kml xmlns:k="urn:k"><k:a/></kml>')).toEqual({
      tags: ['kml', 'k:a'],
      root: [{ name: 'xmlns:k', value: 'urn:k' }],
    })
  })
})
