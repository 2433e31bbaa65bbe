/** The roles and their names as the bureau says them (docs/platform.md). */
import { expect, test } from 'vitest'
import { ROLE_NAMES, ROLES } from '../../../../src/domain/access/roles'

test('five roles, in order of reach, each named in both languages', () => {
  expect(ROLES).toEqual(['admin', 'dispatcher', 'inspector', 'handler', 'viewer'])
  expect(ROLE_NAMES).toEqual({
    admin: { zh: '管理员', en: 'Administrator' },
    dispatcher: { zh: '分局调度', en: 'Dispatcher' },
    inspector: { zh: '巡查员', en: 'Inspector' },
    handler: { zh: '乡镇（街道）处置人员', en: 'Township handler' },
    viewer: { zh: '查看', en: 'Viewer' },
  })
})
