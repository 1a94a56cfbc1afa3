/**
 * Runs a test-support script in a child Node (through tsx), so a test can kill a writer mid-way for real.
 * Resolves with the exit code or signal and what the child printed.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** How a child ended. */
export interface ChildResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `main/test-support/<script>` with `args`. */
export function runChild(script: string, args: readonly string[]): Promise<ChildResult> {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** What sync-child.ts printed when it snapshotted: the cursors and counts of the snapshot. */
export interface Flushed {
  readonly cursors: { readonly reference: string; readonly components: string; readonly cases: string }
  readonly counts: Readonly<Record<string, number>>
}

/** Reads sync-child.ts's `flushed {…}` line; fails naming the output when there is none. */
export function flushedBy(stdout: string): Flushed {
  const line = /^flushed (.*)$/m.exec(stdout)
  if (!line) throw new Error(`the child never snapshotted: ${stdout}`)
  return JSON.parse(line[1]!) as Flushed
}
