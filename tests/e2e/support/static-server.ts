/**
 * dist/ served by a plain node server on 127.0.0.1 that a test can stop and start again on the same
 * port: the whole server gone (every request refused), then back, as a kiosk's server goes and comes.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
}

export class StoppableServer {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  port = 0

  constructor(private readonly root = resolve('dist')) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
      const file = normalize(join(this.root, path.endsWith('/') ? `${path}index.html` : path))
      if (!file.startsWith(this.root) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end()
        return
      }
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      if (request.method === 'HEAD') response.end()
      else createReadStream(file).pipe(response)
    })
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done))
    this.port = (server.address() as { port: number }).port
    this.server = server
  }

  /** Gone at once: the listener closed and every open connection cut. */
  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((done) => server.close(() => done()))
  }
}
