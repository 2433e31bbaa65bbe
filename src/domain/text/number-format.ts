/**
 * One `Intl.NumberFormat` per locale and options, made on first use and kept: making one costs about
 * 0.1–0.5 ms (10–20 ms for the page's first), and the overview formats every figure of the report on
 * the first view (bench/profile/first-view-trace.ts showed `formatFigure` at 19–32 ms).
 */
const formats = new Map<string, Intl.NumberFormat>()

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formats.set(key, format)
  }
  return format
}
