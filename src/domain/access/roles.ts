/** The accounts' roles (docs/platform.md): 管理员, 分局调度, 巡查员, 乡镇(街道)处置人员 bound to one township, 查看. */
export const ROLES = ['admin', 'dispatcher', 'inspector', 'handler', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** The roles' names as the bureau says them. */
export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  dispatcher: { zh: '分局调度', en: 'Dispatcher' },
  inspector: { zh: '巡查员', en: 'Inspector' },
  handler: { zh: '乡镇（街道）处置人员', en: 'Township handler' },
  viewer: { zh: '查看', en: 'Viewer' },
}
