/**
 * The platform screens' words (login, publish, audit, the server banner), Chinese first. They travel
 * with those screens, which load only when a server stands behind the page, so the static build's
 * first view carries none of them.
 */
import type { Bilingual } from '../domain/types'

export const WORDS = {
  login: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出登录', en: 'Log out' },
  loginHeading: { zh: '登录平台', en: 'Log in to the platform' },
  name: { zh: '用户名', en: 'User name' },
  password: { zh: '密码', en: 'Password' },
  loggingIn: { zh: '正在登录…', en: 'Logging in...' },
  account: { zh: '账号', en: 'Account' },
  publish: { zh: '发布', en: 'Publish' },
  audit: { zh: '审计', en: 'Audit' },
  close: { zh: '关闭', en: 'Close' },
  publishHeading: { zh: '发布地图', en: 'Publish the map' },
  publishExplain: {
    zh: '发布后，所有访问者打开地图即看到当前的图层、样式、连接、替换的示例数据与视图（与“保存项目”写入的内容相同），无需重新构建。',
    en:
      'Once published, every visitor opening the map sees the current layers, styles, joins, ' +
      'replaced sample data and view (what Save project writes), with no rebuild.',
  },
  publishContents: {
    zh: '将发布：{layers} 个图层，{indicators} 个连接指标',
    en: 'To publish: {layers} layers, {indicators} joined indicators',
  },
  note: { zh: '说明（最多 500 字）', en: 'Note (at most 500 characters)' },
  publishNow: { zh: '发布当前地图', en: 'Publish the current map' },
  publishing: { zh: '正在发布…', en: 'Publishing...' },
  published: { zh: '已发布第 {version} 版。', en: 'Version {version} is published.' },
  keptForLater: {
    zh: '无法连接服务器：此更改已保存在本浏览器，恢复连接后自动发送。',
    en: 'The server cannot be reached: this change is kept in this browser and sent when it answers again.',
  },
  versions: { zh: '发布历史', en: 'Published versions' },
  version: { zh: '版本', en: 'Version' },
  author: { zh: '发布人', en: 'By' },
  time: { zh: '时间', en: 'Time' },
  current: { zh: '当前', en: 'current' },
  restore: { zh: '恢复此版', en: 'Restore' },
  restored: {
    zh: '已恢复：第 {from} 版的内容成为第 {version} 版。',
    en: 'Restored: version {from} is now version {version}.',
  },
  restoredFrom: { zh: '（恢复自第 {from} 版）', en: ' (restored from version {from})' },
  noVersions: { zh: '尚未发布。', en: 'Nothing published yet.' },
  auditHeading: { zh: '审计日志', en: 'Audit log' },
  person: { zh: '人员', en: 'Person' },
  kind: { zh: '类别', en: 'Kind' },
  anyKind: { zh: '全部', en: 'All' },
  from: { zh: '自', en: 'From' },
  to: { zh: '至', en: 'To' },
  search: { zh: '查询', en: 'Search' },
  target: { zh: '对象', en: 'Target' },
  change: { zh: '变更（前 → 后）', en: 'Change (before → after)' },
  address: { zh: '地址', en: 'Address' },
  noEntries: { zh: '没有符合条件的记录。', en: 'No entries match.' },
  serverDown: {
    zh: '无法连接服务器。地图照常使用已载入的数据。',
    en: 'The server cannot be reached. The map keeps working with what it has loaded.',
  },
  pendingCount: {
    zh: '{n} 项更改待发送（恢复连接后自动发送）',
    en: '{n} changes waiting (sent when the server answers)',
  },
  pendingOther: {
    zh: '本浏览器另有 {n} 项其他账号的更改，待其登录后发送',
    en: '{n} changes by another account on this browser, sent when they log in',
  },
  refusedHeading: { zh: '服务器拒绝了保存的更改：', en: 'The server refused kept changes:' },
  discard: { zh: '放弃', en: 'Discard' },
  dismiss: { zh: '知道了', en: 'Dismiss' },
  failed: { zh: '失败：{reason}', en: 'Failed: {reason}' },
  unreachable: { zh: '无法连接服务器，请稍后再试。', en: 'The server cannot be reached; try again later.' },
  township: { zh: '乡镇（街道）', en: 'Township' },
} satisfies Record<string, Bilingual>

export type WordKey = keyof typeof WORDS

/** A word in the locale's language, with {placeholders} filled. */
export function word(key: WordKey, lang: keyof Bilingual, values: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}
