/**
 * The bench pages' web server: the built renderer from disk plus in-memory files (points, cases), on a free
 * loopback port. Shared by the render, heatmap and case-map benches.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
}

/** The built renderer plus in-memory files (e.g. /cases.bin), on a free loopback port. */
export function serveStatic(root: string, files: Readonly<Record<string, Buffer>>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://bench').pathname)
    const file = files[path]
    if (file) {
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': file.length })
      response.end(file)
      return
    }
    const onDisk = normalize(join(root, path))
    if (!onDisk.startsWith(root) || !existsSync(onDisk) || !statSync(onDisk).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(onDisk)] ?? 'application/octet-stream' })
    createReadStream(onDisk).pipe(response)
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}
