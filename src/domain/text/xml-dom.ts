/**
 * A small XML parser that builds just enough of a DOM for @tmcw/togeojson (KML, GPX) inside the
 * import worker, where there is no DOMParser. Why our own rather than @xmldom/xmldom (tried): its
 * messages are English only, while ours name the line, column and cause in both languages; and a
 * reader that skips DTDs outright cannot be made to expand entities. Parsing on the main thread
 * would block the page for a large KML.
 *
 * What togeojson uses, and so what is here: getElementsByTagName(NS), childNodes (with item()),
 * children, tagName/nodeName/localName, nodeType (1 element, 3 text, 4 CDATA, 9 document),
 * getAttribute, attributes, parentNode, textContent, normalize(). Well-formedness is checked
 * (tags match, attributes quoted, the file does not end inside an element); DTDs are skipped and
 * never expanded.
 */

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError'
  constructor(
    readonly reason: { zh: string; en: string },
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason.en} (line ${line}, column ${column})`)
  }
}

type Child = XmlElement | XmlText

function nodeList<T>(items: T[]): T[] & { item(index: number): T | null } {
  return Object.assign(items, { item: (index: number) => items[index] ?? null })
}

export class XmlText {
  readonly childNodes = nodeList<Child>([])
  constructor(
    readonly nodeType: 3 | 4,
    readonly data: string,
    readonly parentNode: XmlElement,
  ) {}
  get nodeName(): string {
    return this.nodeType === 4 ? '#cdata-section' : '#text'
  }
  get nodeValue(): string {
    return this.data
  }
  get textContent(): string {
    return this.data
  }
  normalize(): void {}
}

abstract class XmlParent {
  readonly childNodes = nodeList<Child>([])

  get children(): XmlElement[] {
    return this.childNodes.filter((node): node is XmlElement => node instanceof XmlElement)
  }

  getElementsByTagName(name: string): XmlElement[] {
    return this.descendants((element) => name === '*' || element.tagName === name)
  }

  getElementsByTagNameNS(namespace: string | null, localName: string): XmlElement[] {
    return this.descendants(
      (element) =>
        (namespace === '*' || element.namespaceURI === namespace) &&
        (localName === '*' || element.localName === localName),
    )
  }

  get textContent(): string {
    let text = ''
    for (const child of this.childNodes) text += child.textContent
    return text
  }

  normalize(): void {}

  private descendants(test: (element: XmlElement) => boolean): XmlElement[] {
    const found: XmlElement[] = []
    const stack = [...this.children].reverse()
    while (stack.length) {
      const element = stack.pop()!
      if (test(element)) found.push(element)
      const children = element.children
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
    return found
  }
}

export class XmlElement extends XmlParent {
  readonly nodeType = 1
  readonly attributes: { name: string; value: string }[]
  namespaceURI: string | null = null

  constructor(
    /** Not readonly only for unprefixRootNamespace. */
    public tagName: string,
    attributes: { name: string; value: string }[],
    readonly parentNode: XmlElement | XmlDocument,
  ) {
    super()
    this.attributes = attributes
  }
  get nodeName(): string {
    return this.tagName
  }
  get localName(): string {
    const colon = this.tagName.indexOf(':')
    return colon < 0 ? this.tagName : this.tagName.slice(colon + 1)
  }
  getAttribute(name: string): string | null {
    return this.attributes.find((attribute) => attribute.name === name)?.value ?? null
  }
  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null
  }
  /** The namespace bound to a prefix here or above ('' for the default namespace). */
  lookupNamespace(prefix: string): string | null {
    const attribute = prefix ? `xmlns:${prefix}` : 'xmlns'
    const own = this.getAttribute(attribute)
    if (own !== null) return own
    return this.parentNode instanceof XmlElement ? this.parentNode.lookupNamespace(prefix) : null
  }
}

export class XmlDocument extends XmlParent {
  readonly nodeType = 9
  readonly nodeName = '#document'
  get documentElement(): XmlElement | null {
    return this.children[0] ?? null
  }
}

/**
 * Drops the root's prefix from every element in the root's namespace (<gpx:gpx xmlns:gpx="…"><gpx:wpt> reads as
 * <gpx xmlns="…"><wpt>), as if the file had declared that namespace as its default: togeojson looks elements up by
 * their unprefixed names, and takes the namespaces the root declares with a prefix for extensions (GPX), whose
 * elements it would copy into the properties. Elements of other namespaces (<atom:name>) keep their prefix.
 */
export function unprefixRootNamespace(document: XmlDocument): void {
  const root = document.documentElement
  const colon = root?.tagName.indexOf(':') ?? -1
  if (!root || colon < 0) return
  const prefix = root.tagName.slice(0, colon)
  for (const element of document.getElementsByTagNameNS(root.namespaceURI, '*'))
    if (element.tagName.startsWith(`${prefix}:`)) element.tagName = element.localName
  const declaration = root.attributes.find((attribute) => attribute.name === `xmlns:${prefix}`)
  if (declaration) {
    root.attributes.splice(root.attributes.indexOf(declaration), 1)
    if (!root.hasAttribute('xmlns')) root.attributes.push({ name: 'xmlns', value: declaration.value })
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** The five predefined entities and character references (&#20013; &#x4E2D;); others are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name] ?? whole
  })
}

const NAME = /[^\s/>=<"']+/y
const ATTRIBUTE = /\s*([^\s/>=<"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y

export function parseXml(text: string): XmlDocument {
  const document = new XmlDocument()
  const stack: { element: XmlElement; at: number }[] = []
  const fail = (at: number, zh: string, en: string): never => {
    const before = text.slice(0, at)
    const line = before.split('\n').length
    throw new XmlSyntaxError({ zh, en }, line, at - before.lastIndexOf('\n'))
  }
  const parent = (): XmlElement | XmlDocument => stack[stack.length - 1]?.element ?? document
  let position = 0
  while (position < text.length) {
    const open = text.indexOf('<', position)
    const textEnd = open < 0 ? text.length : open
    if (textEnd > position) {
      const raw = text.slice(position, textEnd)
      const top = stack[stack.length - 1]
      if (top) top.element.childNodes.push(new XmlText(3, decodeEntities(raw), top.element))
      else if (raw.trim() !== '' && raw.trim() !== '\uFEFF')
        fail(position, '根元素之外有文字', 'text outside the root element')
    }
    if (open < 0) break
    const skipTo = (end: string, zh: string, en: string): number => {
      const at = text.indexOf(end, open)
      if (at < 0) fail(open, zh, en)
      return at + end.length
    }
    if (text.startsWith('<?', open)) {
      position = skipTo('?>', '处理指令没有结束（缺少 ?>）', 'a processing instruction never ends (no ?>)')
    } else if (text.startsWith('<!--', open)) {
      position = skipTo('-->', '注释没有结束（缺少 -->）', 'a comment never ends (no -->)')
    } else if (text.startsWith('<![CDATA[', open)) {
      const end = skipTo(']]>', 'CDATA 没有结束（缺少 ]]>）', 'a CDATA section never ends (no ]]>)')
      const top = stack[stack.length - 1]
      if (top) top.element.childNodes.push(new XmlText(4, text.slice(open + 9, end - 3), top.element))
      position = end
    } else if (text.startsWith('<!', open)) {
      // <!DOCTYPE …>, possibly with an internal subset in [ ]: skipped, never expanded.
      let depth = 0
      let at = open + 2
      for (; at < text.length; at++) {
        if (text[at] === '[') depth++
        else if (text[at] === ']') depth--
        else if (text[at] === '>' && depth <= 0) break
      }
      position = at + 1
    } else if (text[open + 1] === '/') {
      NAME.lastIndex = open + 2
      const name = NAME.exec(text)?.[0] ?? ''
      const close = text.indexOf('>', open)
      const top = stack.pop()
      if (!top) fail(open, `多余的结束标签 </${name}>`, `a closing tag </${name}> with nothing open`)
      if (top!.element.tagName !== name) {
        const line = text.slice(0, top!.at).split('\n').length
        fail(
          open,
          `结束标签 </${name}> 与第 ${line} 行的 <${top!.element.tagName}> 不匹配`,
          `the closing tag </${name}> does not match <${top!.element.tagName}> opened on line ${line}`,
        )
      }
      if (close < 0) fail(open, '标签没有结束（缺少 >）', 'a tag never ends (no >)')
      position = close + 1
    } else {
      NAME.lastIndex = open + 1
      const name = NAME.exec(text)?.[0]
      if (!name) fail(open, '“<”后面不是标签名', '"<" is not followed by a tag name')
      let at = NAME.lastIndex
      const attributes: { name: string; value: string }[] = []
      for (;;) {
        ATTRIBUTE.lastIndex = at
        const match = ATTRIBUTE.exec(text)
        if (!match) break
        attributes.push({ name: match[1]!, value: decodeEntities(match[2] ?? match[3] ?? '') })
        at = ATTRIBUTE.lastIndex
      }
      while (at < text.length && /\s/.test(text[at]!)) at++
      const selfClosing = text.startsWith('/>', at)
      if (!selfClosing && text[at] !== '>')
        fail(at, `<${name}> 的属性写法有误（值须加引号）`, `malformed attributes in <${name}> (values must be quoted)`)
      if (stack.length === 0 && document.documentElement)
        fail(open, `根元素之后又有 <${name}>`, `another element <${name}> after the root element`)
      const element = new XmlElement(name!, attributes, parent())
      const colon = name!.indexOf(':')
      element.namespaceURI = element.lookupNamespace(colon < 0 ? '' : name!.slice(0, colon))
      parent().childNodes.push(element)
      if (!selfClosing) stack.push({ element, at: open })
      position = at + (selfClosing ? 2 : 1)
    }
  }
  const unclosed = stack[stack.length - 1]
  if (unclosed) {
    const line = text.slice(0, unclosed.at).split('\n').length
    fail(
      text.length,
      `文件在第 ${line} 行的 <${unclosed.element.tagName}> 内提前结束`,
      `the file ends inside <${unclosed.element.tagName}> opened on line ${line}`,
    )
  }
  if (!document.documentElement) fail(0, '没有根元素', 'no root element')
  return document
}
