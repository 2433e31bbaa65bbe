/** What the command-line tools share: the config, the database, a hidden password prompt, failing clearly. */
import { userInfo } from 'node:os'
import { createInterface } from 'node:readline'
import { loadConfig } from './config'
import { prepareDatabase } from './db/prepare'

export async function openForCli(options: { seed?: boolean } = {}) {
  const config = loadConfig()
  return prepareDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, ...options })
}

export const cliOperator = () => ({ userId: null, name: `cli:${userInfo().username}` })

/** A password from NEW_PASSWORD, else typed twice at a prompt that does not echo, else one line of stdin. */
export async function readNewPassword(): Promise<string> {
  if (process.env.NEW_PASSWORD) return process.env.NEW_PASSWORD
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin })
    for await (const line of rl) {
      rl.close()
      return line
    }
    throw new Error('no password given (set NEW_PASSWORD or type it)')
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput
      ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
        write.call(rl, s.startsWith(question) ? question : '')
      rl.question(question, (answer) => {
        rl.close()
        process.stdout.write('\n')
        resolve(answer)
      })
    })
  const first = await ask('新密码 / new password: ')
  const second = await ask('再输一次 / again: ')
  if (first !== second) throw new Error('the two passwords differ')
  return first
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}
