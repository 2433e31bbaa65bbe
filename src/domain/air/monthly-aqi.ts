/**
 * An air station's monthly AQI level as text: the heatmap and legend show the level by colour, so
 * the station's panel names it too. Computed from the monthly means with the HJ 633 daily tables —
 * an indication of the month's level, not an official monthly AQI (none exists).
 */
import { aqi, aqiLevel, type AqiLevel } from './aqi'

export interface MonthlyAqi {
  month: number
  aqi: number
  level: AqiLevel
}

/** One entry per month that has all three means (pm25, pm10, o3 series of the station's properties). */
export function monthlyAqiLevels(properties: Record<string, unknown> | null | undefined): MonthlyAqi[] {
  const series = (key: string) => (Array.isArray(properties?.[key]) ? (properties[key] as unknown[]) : [])
  const [pm25, pm10, o3] = [series('pm25'), series('pm10'), series('o3')]
  const months = Math.min(pm25.length, pm10.length, o3.length)
  const out: MonthlyAqi[] = []
  for (let i = 0; i < months; i++) {
    const values = [pm25[i], pm10[i], o3[i]]
    if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0)) continue
    const value = aqi({ pm25: values[0]!, pm10: values[1]!, o3_8h: values[2]! })
    out.push({ month: i + 1, aqi: value, level: aqiLevel(value) })
  }
  return out
}
