/** A size as people read it (KB under a megabyte, MB above), in the locale's number format. */
export function formatBytes(bytes: number, locale: string): string {
  const kb = bytes / 1024
  const [value, unit] = kb < 1024 ? [Math.max(kb, 0.1), 'KB'] : [kb / 1024, 'MB']
  const digits = value < 10 ? 1 : 0
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return `${format.format(value)} ${unit}`
}

/** A date and time in the locale's own order (2026/11/30 09:05 or Nov 30, 2026, 9:05 AM). */
export function formatKeptDate(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
