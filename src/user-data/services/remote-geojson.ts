/**
 * GeoJSON at an address (a county's open-data feed, a monitoring system's export): fetched with a
 * deadline and a size limit, then read by the same import engine as a dropped file, in its worker
 * (CRS detection, checks, the same messages). What it gives is features; a set too large to draw
 * as features is refused here: such data belongs in a file import, not a feed read every minutes.
 */
import type { FeatureCollection } from 'geojson'
import { startImport } from '../import/import-client'
import { BINARY_POINT_THRESHOLD } from '../import/draw-limits'
import { ServiceReadError } from '../../domain/services/service-problem'
import { fetchWithTimeout, networkTimeoutMs } from '../../settings/network-timeouts'

/** The largest feed read (bytes): a district's layers are far smaller. */
export const MAX_REMOTE_GEOJSON_BYTES = 50 * 1024 * 1024

export async function fetchRemoteGeojson(url: string): Promise<FeatureCollection> {
  const bytes = await fetchWithTimeout(url, networkTimeoutMs('service'), (response) => response.arrayBuffer())
  if (bytes.byteLength > MAX_REMOTE_GEOJSON_BYTES)
    throw new ServiceReadError({
      zh: `${url} 超过 ${MAX_REMOTE_GEOJSON_BYTES / 1024 / 1024} MB，请下载后按文件导入。`,
      en: `${url} is over ${MAX_REMOTE_GEOJSON_BYTES / 1024 / 1024} MB: download it and import it as a file.`,
    })
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'feed.geojson')
  const result = await startImport(new File([bytes], name.endsWith('json') ? name : `${name}.geojson`), {
    declaredCrs: 'auto',
  }).promise
  // Over the draw budget's point threshold the engine hands back a table for deck.gl, with its note
  // saying so; a feed is kept as features, so that note would contradict the refusal: say why instead.
  if (result.ok && result.points) {
    const [count, limit] = [result.featureCount, BINARY_POINT_THRESHOLD].map((v) => v.toLocaleString('en'))
    throw new ServiceReadError({
      zh: `${url} 有 ${count} 个点，超过 ${limit} 个，不能作为定时刷新的 GeoJSON 图层；请下载后按文件导入（作为大数据点图层绘制）。`,
      en:
        `${url} has ${count} points, over the ${limit} a refreshed GeoJSON layer can hold: ` +
        'download it and import it as a file (drawn as a large point layer).',
    })
  }
  if (!result.ok || !result.data) {
    const first = result.problems[0]
    throw new ServiceReadError({
      zh: `${url} 不能作为 GeoJSON 读取：${first?.message.zh ?? '没有可用的要素'}`,
      en: `${url} cannot be read as GeoJSON: ${first?.message.en ?? 'no usable features'}`,
    })
  }
  return result.data
}
