/**
 * How a feature is named in selections, share links and panels: its `id` property, else its
 * `code` (townships and counties are known by their division code). Both the map adapter (from
 * rendered features) and the panels (from the raw data) use this one rule.
 */
export function featureKey(properties: Record<string, unknown> | null | undefined): string | null {
  const key = properties?.id ?? properties?.code ?? properties?.adcode
  return key === undefined || key === null || key === '' ? null : String(key)
}
