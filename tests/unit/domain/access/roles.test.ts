/** The roles and their names as the bureau says them (docs/platform.md). */
import { expect, test, vi } from 'vitest'

test('five roles, in order of reach, each named in both languages', async () => {
  // Read afresh in the test: tables evaluated once at import are what a mutation run cannot switch per test.
  vi.resetModules()
  const { ROLE_NAMES, ROLES } = await import('../../../../src/domain/access/roles')
  expect(ROLES).toEqual(['admin', 'dispatcher', 'inspector', 'handler', 'viewer'])
  expect(ROLE_NAMES).toEqual({
    admin: { zh: '管理员', en: 'Administrator' },
    dispatcher: { zh: '分局调度', en: 'Dispatcher' },
    inspector: { zh: '巡查员', en: 'Inspector' },
    handler: { zh: '乡镇（街道）处置人员', en: 'Township handler' },
    viewer: { zh: '查看', en: 'Viewer' },
  })
})
