import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { CalendarYear } from '../../../core/time/holidays.js'
import type { AppSettingTable, Database, WorkCalendarYearTable } from './schema.js'

type YearRow = Selectable<WorkCalendarYearTable>
type Db = Kysely<Database> | Transaction<Database>

/** The API's form of one calendar year (工作日历年度). */
export function presentCalendarYear(row: YearRow) {
  return {
    year: row.year,
    notice: row.notice,
    holidays: row.holidays,
    workdays: row.workdays,
    source: row.source,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

/** core's CalendarYear from a row. */
export function calendarYearFromRow(row: YearRow): CalendarYear {
  return { year: row.year, notice: row.notice, holidays: row.holidays, workdays: row.workdays }
}

/** Every stored year, oldest first. */
export function listCalendarYears(db: Db): Promise<YearRow[]> {
  return db.selectFrom('work_calendar_year').selectAll().orderBy('year').execute()
}

/** One stored year. */
export function getCalendarYear(db: Db, year: number): Promise<YearRow | undefined> {
  return db.selectFrom('work_calendar_year').selectAll().where('year', '=', year).executeTakeFirst()
}

/** Stores built-in years the table lacks; never overwrites a year (an administrator's edit wins). */
export async function insertMissingYears(db: Db, years: readonly CalendarYear[]): Promise<void> {
  if (years.length === 0) return
  await db
    .insertInto('work_calendar_year')
    .values(
      years.map((y) => ({
        year: y.year,
        notice: y.notice,
        holidays: JSON.stringify(y.holidays),
        workdays: JSON.stringify(y.workdays),
        source: 'built-in' as const,
      })),
    )
    .onConflict((oc) => oc.column('year').doNothing())
    .execute()
}

/**
 * Replaces (or adds) one year as an administrator's edit. With `expectedVersion`, refuses (returns
 * undefined) when someone else changed the year since it was read.
 */
export async function putCalendarYear(
  db: Db,
  year: CalendarYear,
  by: string,
  now: Date,
  expectedVersion?: number,
): Promise<YearRow | undefined> {
  return db
    .insertInto('work_calendar_year')
    .values({
      year: year.year,
      notice: year.notice,
      holidays: JSON.stringify(year.holidays),
      workdays: JSON.stringify(year.workdays),
      source: 'admin',
      updated_by: by,
      updated_at: now,
    })
    .onConflict((oc) => {
      const update = oc.column('year').doUpdateSet((eb) => ({
        notice: eb.ref('excluded.notice'),
        holidays: eb.ref('excluded.holidays'),
        workdays: eb.ref('excluded.workdays'),
        source: 'admin' as const,
        version: eb('work_calendar_year.version', '+', 1),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      }))
      return expectedVersion === undefined ? update : update.where('work_calendar_year.version', '=', expectedVersion)
    })
    .returningAll()
    .executeTakeFirst()
}

/** One setting's value and version. */
export function getSetting(db: Db, key: string): Promise<Selectable<AppSettingTable> | undefined> {
  return db.selectFrom('app_setting').selectAll().where('key', '=', key).executeTakeFirst()
}

/** Stores a setting (replacing it, version + 1); with `expectedVersion`, only if unchanged since read. */
export async function putSetting(
  db: Db,
  key: string,
  value: unknown,
  by: string,
  now: Date,
  expectedVersion?: number,
): Promise<Selectable<AppSettingTable> | undefined> {
  return db
    .insertInto('app_setting')
    .values({ key, value: JSON.stringify(value), updated_by: by, updated_at: now })
    .onConflict((oc) => {
      const update = oc.column('key').doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        version: eb('app_setting.version', '+', 1),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      }))
      return expectedVersion === undefined ? update : update.where('app_setting.version', '=', expectedVersion)
    })
    .returningAll()
    .executeTakeFirst()
}

/** A fingerprint of the calendar and case-rule settings: changes whenever any of them is edited. */
export async function rulesFingerprint(db: Db): Promise<string> {
  const r = await sql<{ f: string }>`
    select concat_ws('/',
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') from work_calendar_year),
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') from app_setting)
    ) as f`.execute(db)
  return r.rows[0]?.f ?? ''
}
