import { Worker } from 'node:worker_threads'
import type { Log } from '../log.js'

/** Writes database snapshots to one file, atomically, on a worker thread. */
export interface DbFileWriter {
  /** Replaces the file with `bytes` (ownership passes to the writer); resolves once the rename is durable. */
  write(bytes: Uint8Array): Promise<void>
  /** Waits for pending writes and stops the worker. */
  close(): Promise<void>
}

/** Options of {@link createDbFileWriter}. */
export interface DbFileWriterOptions {
  readonly path: string
  readonly log: Log
  /**
   * Test hook: kill the whole process (SIGKILL) after the temp file is written and fsynced, before the
   * rename — a crash at the worst moment.
   */
  readonly crashBeforeRename?: boolean
}

// Plain CommonJS so the same worker runs under tsx, in Electron and from a bundle: no loader, no file.
// temp → write → fsync → close → rename → fsync folder, all synchronous on the worker's own thread.
const WORKER_SOURCE = `
const fs = require('node:fs')
const path = require('node:path')
const { parentPort, workerData } = require('node:worker_threads')
parentPort.on('message', ({ id, target, bytes }) => {
  const temp = target + '.' + process.pid + '.' + id + '.tmp'
  try {
    const fd = fs.openSync(temp, 'w', 0o600)
    try {
      let offset = 0
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    if (workerData.crashBeforeRename) process.kill(process.pid, 'SIGKILL')
    fs.renameSync(temp, target)
    if (process.platform !== 'win32') {
      try {
        const dir = fs.openSync(path.dirname(target), 'r')
        try { fs.fsyncSync(dir) } finally { fs.closeSync(dir) }
      } catch {}
    }
    parentPort.postMessage({ id, ok: true })
  } catch (error) {
    try { fs.unlinkSync(temp) } catch {}
    parentPort.postMessage({ id, ok: false, message: String((error && error.message) || error) })
  }
})
`

/**
 * Starts the writer thread. Snapshots are written in order; the serialisation (`db.export()`) happens on
 * the caller's thread, the disk work (tens to hundreds of MB for a large city) on the worker's.
 */
export function createDbFileWriter(options: DbFileWriterOptions): DbFileWriter {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { crashBeforeRename: options.crashBeforeRename === true },
  })
  worker.unref()
  let nextId = 1
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>()
  let failed: Error | undefined

  worker.on('message', (m: { id: number; ok: boolean; message?: string }) => {
    const p = pending.get(m.id)
    pending.delete(m.id)
    if (!p) return
    if (m.ok) p.resolve()
    else p.reject(new Error(`writing ${options.path}: ${m.message}`))
    if (pending.size === 0) worker.unref()
  })
  worker.on('error', (e) => {
    failed = e
    options.log.error('writer thread failed', e)
    for (const p of pending.values()) p.reject(e)
    pending.clear()
  })

  // The worker answers in order, so waiting for the newest write waits for all of them.
  let last: Promise<void> = Promise.resolve()

  return {
    write(bytes) {
      if (failed) return Promise.reject(failed)
      const id = nextId++
      // Transfer, don't copy: a snapshot can be hundreds of MB. A view into a larger buffer is copied first.
      const own =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
      const done = new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.ref()
        worker.postMessage({ id, target: options.path, bytes: own }, [own.buffer as ArrayBuffer])
      })
      last = done.catch(() => {})
      return done
    },
    async close() {
      await last
      await worker.terminate()
    },
  }
}
