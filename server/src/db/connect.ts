import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Kysely, PostgresDialect } from 'kysely'
import { PGlite } from '@electric-sql/pglite'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from './schema.js'

/** Where the central API keeps its data. */
export interface DatabaseOptions {
  /** A PostgreSQL connection string. Absent: the embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). Default `./data`. */
  readonly dataDir?: string
  /** PostgreSQL only: a schema to work in (created if missing), so test runs don't see each other. */
  readonly schema?: string
  /**
   * PGlite only: start from this dump of a data directory (`PGlite.dumpDataDir`) instead of running initdb,
   * which takes seconds of WebAssembly. Tests use it to open many fresh databases quickly.
   */
  readonly pgliteTemplate?: Blob
}

/** An open database, whichever engine serves it. */
export interface OpenDatabase {
  readonly db: Kysely<Database>
  readonly engine: 'postgres' | 'pglite'
  /** A short description for logs, without credentials. */
  readonly description: string
  close(): Promise<void>
}

/**
 * Opens the central database: PostgreSQL when a URL is given, else PGlite (PostgreSQL compiled to
 * WebAssembly, in-process) so a fresh machine needs no server. Both speak the same SQL.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    if (options.schema) await ensureSchema(options.databaseUrl, options.schema)
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const url = new URL(options.databaseUrl)
    return {
      db,
      engine: 'postgres',
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`,
      close: () => db.destroy(),
    }
  }
  const dataDir = options.dataDir ?? './data'
  let where = 'memory://'
  if (!dataDir.startsWith('memory://')) {
    where = resolve(join(dataDir, 'pglite'))
    mkdirSync(where, { recursive: true })
  }
  const pglite = options.pgliteTemplate
    ? await PGlite.create({ ...(where === 'memory://' ? {} : { dataDir: where }), loadDataDir: options.pgliteTemplate })
    : await PGlite.create(where)
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  return { db, engine: 'pglite', description: `embedded PGlite at ${where}`, close: () => db.destroy() }
}

async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema name "${schema}" must be lower-case letters, digits and _`)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`create schema if not exists ${schema}`)
  } finally {
    await client.end()
  }
}
