import { ownValue } from '../text/own-keys'

/**
 * How a feature is named in selections, share links and panels. A layer's spec names the property
 * (`data.key`); without one, the `id` property, else `code`, else `adcode` (townships and counties are
 * known by their division code). The map (from rendered features) and the panels (from the raw data)
 * use this one rule.
 */
export function featureKey(properties: Record<string, unknown> | null | undefined, key?: string): string | null {
  const own = (name: string) => ownValue(properties, name)
  const value = key ? own(key) : (own('id') ?? own('code') ?? own('adcode'))
  return value === undefined || value === null || value === '' ? null : String(value)
}
