/**
 * The messages of service layers (services.): the add-a-service form in the 数据 tab and a service's
 * legend. They travel with those components, which load after the first view.
 */
import { addMessages } from '../index'

export const SERVICE_MESSAGES = {
  services: {
    'zh-CN': {
      heading: '添加服务图层',
      intro:
        '叠加其他服务器发布的图层：WMS、WMTS（含天地图）、ArcGIS MapServer、XYZ 瓦片、矢量瓦片、PMTiles 或 GeoJSON 地址。',
      kind: '类型',
      kinds: {
        auto: '按地址识别',
        wms: 'WMS',
        wmts: 'WMTS（含天地图）',
        arcgis: 'ArcGIS MapServer',
        xyz: 'XYZ / TMS 瓦片模板',
        'vector-tiles': '矢量瓦片（MVT）模板',
        pmtiles: 'PMTiles（地址或文件）',
        geojson: 'GeoJSON 地址（可定时刷新）',
      },
      refresh: '刷新',
      refreshOnce: '只读取一次',
      refreshEvery: '每 {n} 分钟',
      url: '服务地址',
      urlPlaceholder: 'https://…（瓦片模板含 {z}/{x}/{y}）',
      file: '或选择 PMTiles 文件',
      crs: '服务坐标系',
      crsWgs84: 'WGS84 / CGCS2000',
      crsGcj02: 'GCJ-02（高德、腾讯等）',
      read: '读取服务',
      reading: '正在读取 {host}……',
      add: '添加图层',
      added: '已添加图层「{name}」。',
      filter: '筛选图层',
      count: '共 {total} 个图层',
      countShown: '共 {total} 个图层，显示前 {shown} 个，请输入筛选。',
      none: '没有符合筛选的图层。',
      matrixSet: '瓦片矩阵集',
      matrixKind: { mercator: 'Web 墨卡托', geographic: '经纬度（按行重采样）', other: '不支持' },
      unknownKind: '无法从地址判断服务类型，请选择类型。',
      needUrl: '请输入服务地址。',
      needFile: '请输入 PMTiles 地址或选择文件。',
      notAllowed:
        '本部署未允许访问 {host}。允许的主机：{hosts}。管理员可在构建或服务器的 SERVICE_HOSTS 中加入它（见 docs/services.md）。',
      timeout: '{host} 在 {seconds} 秒内无应答。',
      refused: '{host} 拒绝了请求（HTTP {status}）。',
      unreachable: '无法连接 {host}：地址不可达，或服务不允许本站跨域访问（CORS）。',
      notJson: '{host} 返回的不是 JSON：不是 ArcGIS MapServer 地址？',
      legend: '图例',
      legendAlt: '{name} 的图例（由服务提供）',
      legendFailed: '服务未能提供图例图片。',
      source: '来源：{source}',
      gcj02: 'GCJ-02：已按当前底图对齐。',
      failure: {
        problem: '服务图层「{name}」（{host}）：{problem}',
        timeout: '服务图层「{name}」（{host}）{seconds} 秒内无应答，其余图层不受影响。',
        refused: '服务图层「{name}」（{host}）拒绝了请求（HTTP {status}）。',
        unreachable: '服务图层「{name}」（{host}）无法连接：地址不可达，或本部署未允许访问该主机。',
        error: '服务图层「{name}」（{host}）返回了错误而不是图片：{reason}',
      },
    },
    en: {
      heading: 'Add a service layer',
      intro:
        "Overlay another server's layer: WMS, WMTS (Tianditu too), ArcGIS MapServer, XYZ tiles, vector tiles, " +
        'PMTiles or GeoJSON at an address.',
      kind: 'Kind',
      kinds: {
        auto: 'From the address',
        wms: 'WMS',
        wmts: 'WMTS (Tianditu too)',
        arcgis: 'ArcGIS MapServer',
        xyz: 'XYZ / TMS tile template',
        'vector-tiles': 'Vector tiles (MVT) template',
        pmtiles: 'PMTiles (address or file)',
        geojson: 'GeoJSON at an address (refreshed)',
      },
      refresh: 'Refresh',
      refreshOnce: 'Read once',
      refreshEvery: 'Every {n} min',
      url: 'Service address',
      urlPlaceholder: 'https://… (a tile template has {z}/{x}/{y})',
      file: 'or choose a PMTiles file',
      crs: "Service's coordinates",
      crsWgs84: 'WGS84 / CGCS2000',
      crsGcj02: 'GCJ-02 (AMap, Tencent, …)',
      read: 'Read the service',
      reading: 'Reading {host}…',
      add: 'Add the layer',
      added: 'Added the layer "{name}".',
      filter: 'Filter the layers',
      count: '{total} layers',
      countShown: '{total} layers; the first {shown} are shown: type to filter.',
      none: 'No layer matches the filter.',
      matrixSet: 'Tile matrix set',
      matrixKind: {
        mercator: 'Web Mercator',
        geographic: 'Longitude/latitude (resampled by rows)',
        other: 'not supported',
      },
      unknownKind: 'The kind of service cannot be told from the address: choose the kind.',
      needUrl: "Enter the service's address.",
      needFile: 'Enter a PMTiles address or choose a file.',
      notAllowed:
        'This deployment does not allow {host}. Allowed hosts: {hosts}. ' +
        'An administrator can add it to SERVICE_HOSTS at build time or on the server (see docs/services.md).',
      timeout: '{host} did not answer within {seconds} s.',
      refused: '{host} refused the request (HTTP {status}).',
      unreachable:
        '{host} cannot be reached: the address is unreachable, or the service does not allow this site (CORS).',
      notJson: '{host} did not answer with JSON: not an ArcGIS MapServer address?',
      legend: 'Legend',
      legendAlt: 'Legend of {name} (from the service)',
      legendFailed: 'The service gave no legend picture.',
      source: 'Source: {source}',
      gcj02: 'GCJ-02: aligned to the current basemap.',
      failure: {
        problem: 'The service layer "{name}" ({host}): {problem}',
        timeout:
          'The service layer "{name}" ({host}) did not answer within {seconds} s; the other layers are unaffected.',
        refused: 'The service layer "{name}" ({host}) refused the request (HTTP {status}).',
        unreachable:
          'The service layer "{name}" ({host}) cannot be reached: the address is unreachable, ' +
          'or this deployment does not allow that host.',
        error: 'The service layer "{name}" ({host}) answered with an error instead of a picture: {reason}',
      },
    },
  },
}

for (const [namespace, part] of Object.entries(SERVICE_MESSAGES)) addMessages(namespace, part)
