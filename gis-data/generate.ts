/**
 * 演示城市生成命令 — writes a generated 泰州 city to disk.
 * Usage: npx tsx gis-data/generate.ts [--scale demo|large] [--seed N] [--out DIR] [--no-csv]
 * Defaults: demo → gis-data/demo/, large → gis-data/out/large/.
 */
import { fileURLToPath } from 'node:url'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { DEFAULT_SEED, generateCity, type CityScale } from './generator/index.js'
import { writeCity } from './generator/write.js'

interface Args {
  readonly scale: 'demo' | 'large'
  readonly seed: number
  readonly out: string
  readonly csv: boolean
}

function parseArgs(argv: readonly string[]): Args {
  let scale: 'demo' | 'large' = 'demo'
  let seed = DEFAULT_SEED
  let out: string | undefined
  let csv = true
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!
    const value = () => {
      const v = argv[++k]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--scale') {
      const v = value()
      if (v !== 'demo' && v !== 'large') throw new Error(`--scale must be demo or large, got ${v}`)
      scale = v
    } else if (arg === '--seed') {
      seed = Number(value())
      if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer')
    } else if (arg === '--out') out = value()
    else if (arg === '--no-csv') csv = false
    else throw new Error(`unknown argument ${arg} (use --scale demo|large, --seed N, --out DIR, --no-csv)`)
  }
  const fallback = scale === 'demo' ? './demo/' : './out/large/'
  return { scale, seed, out: out ?? fileURLToPath(new URL(fallback, import.meta.url)), csv }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2))
  const scale: CityScale = args.scale
  const t0 = performance.now()
  const city = generateCity({ seed: args.seed, scale })
  const t1 = performance.now()
  const files = writeCity(city, args.out, { csv: args.csv })
  const t2 = performance.now()
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20
  console.log(`泰州 ${args.scale} city, seed ${args.seed} → ${args.out}`)
  for (const [what, n] of Object.entries(city.meta.counts))
    console.log(`  ${what.padEnd(13)} ${n.toLocaleString('en')}`)
  console.log(
    `  generate ${(t1 - t0).toFixed(0)} ms, write ${(t2 - t1).toFixed(0)} ms, heap ${heapMb.toFixed(0)} MB`,
  )
  for (const file of files)
    console.log(`  ${basename(file).padEnd(20)} ${(statSync(file).size / 2 ** 20).toFixed(2)} MB`)
}

try {
  main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
