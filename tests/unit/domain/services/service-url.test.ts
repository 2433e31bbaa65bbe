// The checks of a pasted service address, before anything is fetched.
import { describe, expect, it } from 'vitest'
import {
  capabilitiesUrl,
  guessServiceKind,
  hostOf,
  serviceUrlProblem,
  tileTemplateProblem,
} from '../../../../src/domain/services/service-url'

const TK = 'tk=0123456789abcdef0123456789abcdef'

describe('serviceUrlProblem', () => {
  it('accepts absolute http and https addresses', () => {
    expect(serviceUrlProblem(`http://t0.tianditu.gov.cn/img_w/wmts?${TK}`)).toBeNull()
    expect(serviceUrlProblem('  https://10.1.2.3:8080/geoserver/wms  ')).toBeNull()
  })
  it.each([
    ['', '服务地址为空', 'empty'],
    ['/geoserver/wms', '不是完整的网址', 'not a full web address'],
    ['t0.tianditu.gov.cn/img_w/wmts', '不是完整的网址', 'should start with http://'],
    ['ftp://data.example.cn/rivers.geojson', 'ftp:', 'this one is ftp:'],
    ['file:///C:/data/rivers.geojson', 'file:', 'this one is file:'],
    ['https://admin:secret@10.1.2.3/geoserver/wms', 'user:password@', 'user name or password'],
    ['https://admin@10.1.2.3/geoserver/wms', 'user:password@', 'user name or password'],
  ])('refuses %j', (url, zh, en) => {
    const problem = serviceUrlProblem(url)
    expect(problem?.zh).toContain(zh)
    expect(problem?.en).toContain(en)
  })
})

describe('guessServiceKind', () => {
  it.each([
    ['https://t0.tianditu.gov.cn/vec_w/wmts?tk=1', 'wmts'],
    ['http://10.1.2.3:8080/geoserver/gwc/service/wmts', 'wmts'],
    ['http://10.1.2.3:8080/geoserver/ows?service=WMTS&request=GetCapabilities', 'wmts'],
    ['https://gis.example.gov.cn/arcgis/rest/services/JD/River/MapServer/WMTS/1.0.0/WMTSCapabilities.xml', 'wmts'],
    ['https://gis.example.gov.cn/arcgis/rest/services/JD/River/MapServer/WMTS?service=WMTS', 'wmts'],
    ['https://gis.example.gov.cn/arcgis/rest/services/JD/River/MapServer/WMTS', 'wmts'],
    ['http://10.1.2.3:8080/geoserver/jindong/wms', 'wms'],
    ['http://10.1.2.3:8080/geoserver/ows?SERVICE=WMS&request=GetCapabilities', 'wms'],
    ['https://gis.example.gov.cn/arcgis/services/JD/River/MapServer/WMSServer?request=GetCapabilities', 'wms'],
    ['https://gis.example.gov.cn/arcgis/rest/services/JD/River/MapServer', 'arcgis'],
    ['https://gis.example.gov.cn/arcgis/rest/services/JD/River/mapserver?f=pjson', 'arcgis'],
    ['https://tiles.example.cn/{z}/{x}/{y}.png', 'xyz'],
    ['https://tiles.example.cn/tms/{z}/{x}/{-y}.jpg', 'xyz'],
    ['https://tiles.example.cn/roads/{z}/{x}/{y}.pbf', 'vector-tiles'],
    ['https://tiles.example.cn/roads/{z}/{x}/{y}.mvt?key=1', 'vector-tiles'],
    ['https://data.example.cn/jindong.pmtiles', 'pmtiles'],
    ['https://data.example.cn/stations.geojson?v=2', 'geojson'],
    ['https://data.example.cn/api/stations.json', 'geojson'],
    ['https://data.example.cn/index.html', null],
    ['not a url', null],
  ])('%s → %s', (url, kind) => {
    expect(guessServiceKind(url)).toBe(kind)
  })
})

describe('tileTemplateProblem', () => {
  it('accepts {z}/{x}/{y} and TMS {-y}', () => {
    expect(tileTemplateProblem('https://tiles.example.cn/{z}/{x}/{y}.png')).toBeNull()
    expect(tileTemplateProblem('https://tiles.example.cn/{z}/{x}/{-y}.png')).toBeNull()
  })
  it('names what is missing', () => {
    expect(tileTemplateProblem('https://tiles.example.cn/{z}/{x}.png')).toEqual({
      zh: '瓦片地址模板缺少 {y}（需要 {z}、{x} 和 {y} 或 {-y}）',
      en: 'The tile template lacks {y} (it needs {z}, {x} and {y} or {-y})',
    })
    expect(tileTemplateProblem('https://tiles.example.cn/{x}/{y}.png')?.en).toContain('lacks {z} (')
    expect(tileTemplateProblem('https://tiles.example.cn/tile.png')?.en).toContain('lacks {z}, {x}, {y} (')
  })
})

describe('capabilitiesUrl', () => {
  it('adds SERVICE, REQUEST and (for WMS) VERSION, keeping 天地图 tk', () => {
    expect(capabilitiesUrl(`http://t0.tianditu.gov.cn/img_w/wmts?${TK}`, 'wmts')).toBe(
      `http://t0.tianditu.gov.cn/img_w/wmts?${TK}&SERVICE=WMTS&REQUEST=GetCapabilities`,
    )
    expect(capabilitiesUrl('http://10.1.2.3:8080/geoserver/wms', 'wms')).toBe(
      'http://10.1.2.3:8080/geoserver/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0',
    )
  })
  it('keeps what is already there, keys in any case', () => {
    const url = 'http://10.1.2.3:8080/geoserver/ows?service=wms&version=1.1.1&request=getcapabilities&namespace=jd'
    expect(capabilitiesUrl(url, 'wms')).toBe(
      'http://10.1.2.3:8080/geoserver/ows?service=wms&version=1.1.1&REQUEST=GetCapabilities&namespace=jd',
    )
  })
  it('turns a pasted GetMap into GetCapabilities', () => {
    expect(capabilitiesUrl('http://h/wms?REQUEST=GetMap&LAYERS=a#x', 'wms')).toBe(
      'http://h/wms?REQUEST=GetCapabilities&LAYERS=a&SERVICE=WMS&VERSION=1.3.0',
    )
  })
  it('sends a capabilities file as it is', () => {
    const url = 'https://gis.example.gov.cn/arcgis/rest/services/JD/River/MapServer/WMTS/1.0.0/WMTSCapabilities.xml'
    expect(capabilitiesUrl(url, 'wmts')).toBe(url)
    expect(capabilitiesUrl(`${url}?token=abc`, 'wmts')).toBe(`${url}?token=abc`)
  })
})

describe('hostOf', () => {
  it('gives the host with its port, from URLs and templates', () => {
    expect(hostOf(`https://t0.tianditu.gov.cn/img_w/wmts?${TK}`)).toBe('t0.tianditu.gov.cn')
    expect(hostOf('http://10.1.2.3:8080/geoserver/wms')).toBe('10.1.2.3:8080')
    expect(hostOf('https://user@tiles.example.cn:8443/{z}/{x}/{y}.png')).toBe('tiles.example.cn:8443')
    expect(hostOf('https://t{s}.example.cn/{z}/{x}/{y}.png')).toBe('t{s}.example.cn')
    expect(hostOf('rivers.geojson')).toBe('')
  })
})

describe('the checks, more', () => {
  it('takes an address of spaces as empty, and says the whole refusal of a password', () => {
    expect(serviceUrlProblem('   ')).toEqual({ zh: '服务地址为空', en: 'The service address is empty' })
    expect(serviceUrlProblem('https://a:b@h/wms')).toEqual({
      zh: '地址中不能包含用户名或密码（user:password@），否则会随项目保存和发布',
      en:
        'The address must not hold a user name or password (user:password@): it would be saved and published ' +
        'with the project',
    })
  })
  it('quotes an address that is not one in full up to 80 characters, else its first 79 and an ellipsis', () => {
    const eighty = 'x'.repeat(80)
    expect(serviceUrlProblem(eighty)!.en).toBe(
      `"${eighty}" is not a full web address (it should start with http:// or https://)`,
    )
    expect(serviceUrlProblem(`${eighty}y`)!.zh).toBe(
      `“${'x'.repeat(79)}…”不是完整的网址（应以 http:// 或 https:// 开头）`,
    )
  })
  it('guesses from an address with spaces around it, and from the SERVICE key only', () => {
    expect(guessServiceKind('  https://data.example.cn/jindong.pmtiles  ')).toBe('pmtiles')
    expect(guessServiceKind('http://h/ows?map=wmts&service=WMS')).toBe('wms')
    expect(guessServiceKind('http://h/ows?service')).toBeNull()
    expect(guessServiceKind('https://h/data/tdt_WMTSCapabilities.xml')).toBe('wmts')
  })
  it('names every missing placeholder in Chinese too', () => {
    expect(tileTemplateProblem('https://tiles.example.cn/{y}.png')!.zh).toBe(
      '瓦片地址模板缺少 {z}、{x}（需要 {z}、{x} 和 {y} 或 {-y}）',
    )
  })
  it('trims the address before asking for capabilities, and reads its host trimmed', () => {
    expect(capabilitiesUrl('  http://h/wmts  ', 'wmts')).toBe('http://h/wmts?SERVICE=WMTS&REQUEST=GetCapabilities')
    expect(hostOf('  https://H:8443/x ')).toBe('h:8443')
  })
})
