/** PostgreSQL for the server-pg project: one template database, cloned per test file. */
export const PG_TEMPLATE = 'jd_test_template'

/** The same server and credentials as `url`, another database. */
export function adminUrl(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
