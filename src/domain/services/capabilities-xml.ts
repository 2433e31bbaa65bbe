/**
 * What the WMS and WMTS readers share of XML: reading the document (or saying what came instead: an
 * HTML error page, JSON, the server's exception report, another kind of document), and walking it
 * by local name, since servers write the same elements with different prefixes (ows:, wms:, none).
 * Walks go child by child, never through getElementsByTagName, so a document of thousands of layers
 * is read in one pass.
 */
import { parseXml, XmlElement, XmlSyntaxError } from '../text/xml-dom'
import { quoteServiceText, refuse } from './service-problem'

/** How a message names the document: "WMS 能力文档" / "The WMS capabilities". */
export interface DocumentLabel {
  zh: string
  en: string
}

/** The element's child elements with this local name (any prefix). */
export function childElements(parent: XmlElement, localName: string): XmlElement[] {
  const found: XmlElement[] = []
  for (const node of parent.childNodes) if (node instanceof XmlElement && node.localName === localName) found.push(node)
  return found
}

/** The first child element with this local name, following a path of names. */
export function childElement(parent: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let at = parent
  for (const name of path) {
    if (!at) return undefined
    let next: XmlElement | undefined
    for (const node of at.childNodes) {
      if (node instanceof XmlElement && node.localName === name) {
        next = node
        break
      }
    }
    at = next
  }
  return at
}

/** The trimmed text of the first child element with this local name ('' when there is none). */
export function childText(parent: XmlElement | undefined, localName: string): string {
  return childElement(parent, localName)?.textContent.trim() ?? ''
}

/** An element's link: xlink:href whatever the prefix, or a bare href. */
export function hrefOf(element: XmlElement | undefined): string | null {
  if (!element) return null
  const attribute = element.attributes.find((item) => item.name === 'href' || item.name.endsWith(':href'))
  return attribute ? attribute.value.trim() : null
}

/** Several numbers written in one text ("120.5 29.1"); null unless there are exactly `count`, all finite. */
export function numbersIn(text: string, count: number): number[] | null {
  const values = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
  return values.length === count && values.every(Number.isFinite) ? values : null
}

function notXmlHint(text: string): { zh: string; en: string } {
  const start = text.trimStart().slice(0, 500).toLowerCase()
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body)[\s>]/.test(start)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]
    const quoted = title ? quoteServiceText(title, 80) : ''
    return quoted
      ? {
          zh: `；服务器返回的是网页“${quoted}”（错误页或登录页？）`,
          en: `; the server sent a web page, "${quoted}" (an error or login page?)`,
        }
      : { zh: '；服务器返回的是网页（错误页或登录页？）', en: '; the server sent a web page (an error or login page?)' }
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    return { zh: '；服务器返回的是 JSON', en: '; the server sent JSON' }
  }
  return { zh: '', en: '' }
}

/** The text of an exception report (WMS ServiceExceptionReport, OWS ExceptionReport), codes included. */
function exceptionText(root: XmlElement): string {
  const said: string[] = []
  for (const exception of root.children) {
    const code = exception.getAttribute('code') ?? exception.getAttribute('exceptionCode') ?? ''
    const texts = childElements(exception, 'ExceptionText')
    const text = (texts.length ? texts.map((item) => item.textContent).join(' ') : exception.textContent).trim()
    const item = code && text ? `${code}: ${text}` : code || text
    if (item) said.push(item)
  }
  return quoteServiceText(said.join('; ') || root.textContent)
}

/**
 * The document's root element, or a refusal: not XML (with the line and column, and what it looks
 * like instead), or the server's exception report quoted. Which root is right is the caller's to say.
 */
export function capabilitiesRoot(text: string, label: DocumentLabel): XmlElement {
  let root: XmlElement
  try {
    // parseXml refuses a document without a root element (as not XML).
    root = parseXml(text).documentElement!
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    const hint = notXmlHint(text)
    refuse(
      `${label.zh}不是 XML：第 ${error.line} 行第 ${error.column} 列，${error.reason.zh}${hint.zh}`,
      `${label.en} are not XML: line ${error.line}, column ${error.column}, ${error.reason.en}${hint.en}`,
    )
  }
  if (root.localName === 'ServiceExceptionReport' || root.localName === 'ExceptionReport') {
    const said = exceptionText(root)
    refuse(`服务器拒绝了请求：“${said}”`, `The server refused the request: "${said}"`)
  }
  return root
}

/** Refuses a well-formed document of another kind, naming its root element and the one expected. */
export function wrongRoot(root: XmlElement, label: DocumentLabel, expected: DocumentLabel): never {
  const html = root.localName.toLowerCase() === 'html'
  const page = html ? { zh: '；服务器返回的是网页', en: '; the server sent a web page' } : { zh: '', en: '' }
  refuse(
    `${label.zh}的根元素是 <${root.tagName}>，不是 ${expected.zh}${page.zh}`,
    `${label.en} have the root element <${root.tagName}>, not ${expected.en}${page.en}`,
  )
}
