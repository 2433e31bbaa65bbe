/**
 * Passwords: Node's scrypt, memory-hard. Default cost N = 2^15, r = 8, p = 1 (32 MiB and roughly
 * 0.1 s per hash on one core here), a 16-byte random salt, a 32-byte key; the parameters are kept
 * in each stored hash (`scrypt$N$r$p$salt$key`), so a later raise of the cost still verifies old ones.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptCost {
  N: number
  r: number
  p: number
}
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash of nothing anyone knows: unknown names are checked against it, so they cost the same time. */
let dummy: Promise<string> | undefined
export const dummyHash = (cost: ScryptCost = DEFAULT_COST) =>
  (dummy ??= hashPassword(randomBytes(16).toString('hex'), cost))

export const PASSWORD_RULES = {
  minLength: 10,
  maxLength: 200,
  zh: '密码至少 10 个字符、最多 200 个，须同时包含字母和数字，且不能包含用户名。',
  en:
    'A password has 10 to 200 characters, holds at least one letter and one digit, ' +
    'and does not contain the user name.',
}

/** What is wrong with a new password, or null when it meets the rules. */
export function passwordProblem(password: string, name: string): { zh: string; en: string } | null {
  const chars = [...password]
  const problems: { zh: string; en: string }[] = []
  if (chars.length < PASSWORD_RULES.minLength) problems.push({ zh: '太短', en: 'too short' })
  if (chars.length > PASSWORD_RULES.maxLength) problems.push({ zh: '太长', en: 'too long' })
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    problems.push({ zh: '须同时包含字母和数字', en: 'needs a letter and a digit' })
  if (name && password.toLowerCase().includes(name.toLowerCase()))
    problems.push({ zh: '不能包含用户名', en: 'must not contain the user name' })
  if (!problems.length) return null
  return {
    zh: `密码不符合要求（${problems.map((p) => p.zh).join('，')}）。${PASSWORD_RULES.zh}`,
    en: `the password does not meet the rules (${problems.map((p) => p.en).join(', ')}). ${PASSWORD_RULES.en}`,
  }
}
