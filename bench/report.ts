import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

/** A measured quantity with its unit. */
export interface Quantity {
  readonly value: number
  /** 'points/s', 'rows/s' or 'ms'. */
  readonly unit: string
}

/** One row of the results table. */
export interface Measurement {
  /** What was measured, e.g. 'lookup demo (5,000 grids)'. */
  readonly name: string
  /** The code under test. Absent when the row was skipped. */
  readonly subject?: Quantity
  /** The naive way, measured in the same run on the same data. */
  readonly baseline?: Quantity
  /** subject / baseline: how many times faster (>1) or slower (<1) the code under test is. */
  readonly ratio?: number
  /** Sample sizes, or why the row was skipped. */
  readonly note?: string
}

/** The machine a run happened on; ratios travel between machines, absolute rates do not. */
export interface MachineInfo {
  readonly cpus: number
  readonly cpuModel: string
  readonly memoryGb: number
  readonly node: string
  readonly platform: string
}

/** Everything one run produced, as written to bench-output/. */
export interface BenchReport {
  readonly startedAt: string
  readonly totalSeconds: number
  readonly machine: MachineInfo
  readonly measurements: readonly Measurement[]
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  const all = cpus()
  return {
    cpus: all.length,
    cpuModel: all[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  }
}

/** A measurement built from two rates, with their ratio. */
export function versus(name: string, subject: Quantity, baseline: Quantity, note?: string): Measurement {
  return { name, subject, baseline, ratio: subject.value / baseline.value, ...(note ? { note } : {}) }
}

/** The results as a plain text table, columns aligned, plus the machine line and total time. */
export function formatReport(report: BenchReport): string {
  const header = ['measurement', 'subject', 'baseline', 'ratio', 'note']
  const rows = report.measurements.map((m) => [
    m.name,
    quantity(m.subject),
    quantity(m.baseline),
    m.ratio === undefined ? '-' : `${m.ratio >= 10 ? m.ratio.toFixed(0) : m.ratio.toFixed(2)}×`,
    m.note ?? '',
  ])
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)))
  // Names and notes read left to right; numbers line up on their right edge.
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k === 0 || k === cells.length - 1 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!)))
      .join('  ')
      .trimEnd()
  const m = report.machine
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, node ${m.node}, ${m.platform}; total ${report.totalSeconds.toFixed(1)} s`,
  ].join('\n')
}

/** Writes the report as JSON to `dir/bench-<timestamp>.json` and returns the path. */
export function writeReport(report: BenchReport, dir = 'bench-output'): string {
  mkdirSync(dir, { recursive: true })
  // Colons are not allowed in Windows file names.
  const path = join(dir, `bench-${report.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`)
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n')
  return path
}

function quantity(q: Quantity | undefined): string {
  if (!q) return '-'
  const digits = q.value >= 100 ? 0 : 1
  return `${q.value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${q.unit}`
}
