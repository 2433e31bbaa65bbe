// What the WMS and WMTS readers share of XML: walking by local name, links and numbers, and what a
// refusal says of a document that is not XML, an exception report, or another kind of document.
import { describe, expect, it } from 'vitest'
import {
  capabilitiesRoot,
  childText,
  hrefOf,
  numbersIn,
  wrongRoot,
} from '../../../../src/domain/services/capabilities-xml'
import { parseXml } from '../../../../src/domain/text/xml-dom'
import { refusal } from './support'

const LABEL = { zh: 'WMS 能力文档', en: 'The WMS capabilities' }
const root = (xml: string) => parseXml(xml).documentElement!
const read = (text: string) => refusal(() => capabilitiesRoot(text, LABEL))

describe('walking the document', () => {
  it('reads an element’s text trimmed, whatever its prefix', () => {
    expect(childText(root('<a xmlns:ows="o"><ows:Title>\n  水系 </ows:Title></a>'), 'Title')).toBe('水系')
    expect(childText(root('<a/>'), 'Title')).toBe('')
  })

  it('reads a link from xlink:href or a bare href, trimmed, and nothing else', () => {
    const link = (attributes: string) => hrefOf(root(`<a xmlns:xlink="x"><b ${attributes}/></a>`).children[0])
    expect(link('xlink:type="simple" xlink:href=" http://h/legend.png "')).toBe('http://h/legend.png')
    expect(link('type="simple" href="/legend.png"')).toBe('/legend.png')
    expect(link('type="simple" src="x"')).toBeNull()
    expect(hrefOf(undefined)).toBeNull()
  })

  it('reads exactly so many finite numbers, separated by spaces or commas', () => {
    expect(numbersIn(' 120.5,29.1 ', 2)).toEqual([120.5, 29.1])
    expect(numbersIn(',120.5  29.1', 2)).toEqual([120.5, 29.1])
    expect(numbersIn('120.5 x', 2)).toBeNull()
    expect(numbersIn('120.5 29.1 3', 2)).toBeNull()
  })
})

describe('what came instead of a capabilities document', () => {
  it('says that a web page came, quoting its title', () => {
    const page =
      '\n  <!DOCTYPE html><html><head><title lang="zh">登录 - 统一认证</title></head><body><br></body></html>'
    expect(read(page).zh).toMatch(/；服务器返回的是网页“登录 - 统一认证”（错误页或登录页？）$/)
    expect(read('<HTML><body><p>Forbidden<br></body></HTML>').en).toMatch(
      /, the closing tag <\/body> does not match <br> opened on line 1; the server sent a web page \(an error or login page\?\)$/,
    )
    expect(read('<meta charset="utf-8"><head><title>502</title></head>').en).toMatch(
      /; the server sent a web page, "502"/,
    )
    expect(read('<meta charset="utf-8">\n<body class="error">x</body>').zh).toMatch(
      /；服务器返回的是网页（错误页或登录页？）$/,
    )
  })

  it('knows a page by its start alone: a doctype or an html tag, after any blank lines', () => {
    const webPage = /; the server sent a web page \(an error or login page\?\)$/
    expect(read('\n  <html><p>Forbidden<br></p></html>').en).toMatch(webPage)
    expect(read('<!DOCTYPE html><p>Forbidden<br></p>').en).toMatch(webPage)
    expect(read(`<data>${'x'.repeat(600)}<body>`).en).not.toMatch(/web page/)
  })

  it('says that JSON came, an object or an array', () => {
    const json = read('{"error": "Not Found"}')
    expect(json.zh).toMatch(/^WMS 能力文档不是 XML：第 1 行第 1 列，.*；服务器返回的是 JSON$/)
    expect(json.en).toMatch(/^The WMS capabilities are not XML: line 1, column 1, .*; the server sent JSON$/)
    expect(read('[1, 2]').en).toMatch(/; the server sent JSON$/)
  })

  it('says nothing more of other text, and names an empty answer as not XML', () => {
    expect(read('Service Unavailable').en).not.toMatch(/;/)
    expect(read('').en).toMatch(/^The WMS capabilities are not XML: line \d+, column \d+, /)
  })
})

describe('an exception report', () => {
  const report = (body: string) => read(`<ServiceExceptionReport version="1.3.0">${body}</ServiceExceptionReport>`)

  it('quotes each exception with its code, and only what each has', () => {
    expect(
      report(
        '<ServiceException code="LayerNotDefined">图层 a 不存在</ServiceException>' +
          '<ServiceException code="InvalidFormat"/>' +
          '<ServiceException> 服务繁忙 </ServiceException>' +
          '<ServiceException>  </ServiceException>' +
          '<ServiceException/>',
      ),
    ).toEqual({
      zh: '服务器拒绝了请求：“LayerNotDefined: 图层 a 不存在; InvalidFormat; 服务繁忙”',
      en: 'The server refused the request: "LayerNotDefined: 图层 a 不存在; InvalidFormat; 服务繁忙"',
    })
  })

  it('joins an OWS exception’s texts, and falls back to the report’s own text', () => {
    const ows = read(
      '<ExceptionReport><Exception><ExceptionText>权限验证失败</ExceptionText>' +
        '<ExceptionText>tk 无效</ExceptionText></Exception></ExceptionReport>',
    )
    expect(ows.en).toBe('The server refused the request: "权限验证失败 tk 无效"')
    expect(report('<ServiceException/> 内部错误 ').en).toBe('The server refused the request: "内部错误"')
  })
})

describe('another kind of document', () => {
  it('names its root, and says so when it is a web page', () => {
    const expected = { zh: '<WMS_Capabilities>', en: '<WMS_Capabilities>' }
    expect(
      refusal(() => wrongRoot(root('<html xmlns="http://www.w3.org/1999/xhtml"><head/></html>'), LABEL, expected)),
    ).toEqual({
      zh: 'WMS 能力文档的根元素是 <html>，不是 <WMS_Capabilities>；服务器返回的是网页',
      en: 'The WMS capabilities have the root element <html>, not <WMS_Capabilities>; the server sent a web page',
    })
    expect(refusal(() => wrongRoot(root('<Capabilities/>'), LABEL, expected)).zh).toBe(
      'WMS 能力文档的根元素是 <Capabilities>，不是 <WMS_Capabilities>',
    )
  })
})
