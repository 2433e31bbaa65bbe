/** The real server as a child process (node --import tsx server/main.ts), for restart and crash tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'

export interface Running {
  url: string
  child: ChildProcess
  output: () => string
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL (kill -9) and wait. */
  kill9(): Promise<void>
}

const NODE_ARGS = ['--import', 'tsx']

export function runCli(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...NODE_ARGS, script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export async function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [...NODE_ARGS, 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listeners = new Set<() => void>()
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = (pattern: RegExp, timeoutMs = 150_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) {
          listeners.delete(check)
          clearTimeout(timer)
          resolve()
        }
      }
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`waiting for ${pattern}; the server said:\n${output.slice(-3000)}`))
      }, timeoutMs)
      listeners.add(check)
      void exited.then((code) => {
        if (!pattern.test(output)) {
          listeners.delete(check)
          clearTimeout(timer)
          reject(new Error(`the server exited (${code}) before ${pattern}:\n${output.slice(-3000)}`))
        }
      })
      check()
    })
  await waitFor(/Server listening at http:\/\/127\.0\.0\.1:\d+/)
  const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!
  return {
    url,
    child,
    output: () => output,
    waitFor,
    stop: async () => {
      child.kill('SIGTERM')
      return exited
    },
    kill9: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** Starts a POST whose body is only partly sent; resolves once `sent` bytes are on their way. */
export function partialUpload(url: string, headers: Record<string, string>, total: number, sent: number) {
  return new Promise<void>((resolve) => {
    const req = request(`${url}/api/projects`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/zip', 'content-length': String(total) },
    })
    req.on('error', () => {})
    req.write(Buffer.alloc(sent, 1), () => resolve())
  })
}
