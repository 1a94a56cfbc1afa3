import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { mergeCalendarYear } from '../../../../core/time/holidays.js'
import { getCalendarYear, getSetting, listCalendarYears, presentCalendarYear, putCalendarYear, putSetting } from '../../db/calendar.js'
import { ApiError, badRequest, conflict, notFound } from '../../errors.js'
import { userOf } from '../../auth/principal.js'
import { ADMINS } from '../../policies/roles.js'
import { CASE_RULES_SETTING, checkCaseRuleSettings, type CaseRuleSettings } from '../../services/case-rules.js'
import { caseErrors, MAX_VERSION } from '../schemas.js'
import { audit } from '../../services/audit.js'

const Holiday = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), from: Type.String({ maxLength: 10 }), to: Type.String({ maxLength: 10 }) })
const CalendarYearBody = Type.Object({
  year: Type.Integer(),
  notice: Type.String({ description: 'The State Council notice, e.g. 国办发明电〔2025〕7号' }),
  holidays: Type.Array(Holiday, { description: '法定节假日: days off, inclusive ranges' }),
  workdays: Type.Array(Type.String(), { description: '调休上班日: weekend days worked' }),
  source: Type.String({ description: 'built-in (core/time data) or admin (edited here)' }),
  version: Type.Integer(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
})
const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) })
const RulesBody = Type.Object({
  settings: Type.Record(Type.String(), Type.Unknown(), { description: 'workingPeriods, stageLimits, yellowShare, maxExtensions (only those set)' }),
  effective: Type.Object({
    workingPeriods: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
    stageLimits: Type.Record(Type.String(), Type.Object({ amount: Type.Number(), unit: Type.String() })),
    onSiteLimit: Type.Object({ amount: Type.Number(), unit: Type.String() }),
    yellowShare: Type.Number(),
    maxExtensions: Type.Integer(),
    rapidHandling: Type.Boolean(),
    calendarYears: Type.Array(Type.Integer()),
  }),
  version: Type.Integer({ description: '0 while nothing has been set' }),
})


const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/**
 * 工作日历 and 城市规则 — administrators keep the working calendar current (next year's holiday notice
 * comes each November) and tune working periods, stage limits and the yellow light. Reads are for every
 * signed-in person (the desk shows deadlines); writes for administrators.
 */
const calendar: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/calendar',
    {
      schema: { tags: ['admin'], summary: 'The working calendar’s years', response: { 200: Type.Object({ years: Type.Array(CalendarYearBody) }), ...caseErrors } },
    },
    async () => {
      await app.caseRules.get() // seeds the built-in years on first use
      return { years: (await listCalendarYears(app.db)).map(presentCalendarYear) }
    },
  )

  app.get(
    '/admin/calendar/:year',
    {
      schema: { tags: ['admin'], summary: 'One year of the working calendar', params: YearParams, response: { 200: CalendarYearBody, ...caseErrors } },
    },
    async (request) => {
      await app.caseRules.get()
      const row = await getCalendarYear(app.db, request.params.year)
      if (!row) throw notFound(`calendar year ${request.params.year}`)
      return presentCalendarYear(row)
    },
  )

  app.put(
    '/admin/calendar/:year',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Set one year’s holidays and 调休 working days (administrators)',
        description: 'Validated as a whole: every date in the year, 调休 days on weekends, none both off and worked. Send `version` to refuse a concurrent edit (409).',
        params: YearParams,
        body: Type.Object(
          {
            notice: Type.String({ minLength: 1, maxLength: 200 }),
            holidays: Type.Array(Holiday, { maxItems: 50 }),
            workdays: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 50 }),
            version: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CalendarYearBody, ...caseErrors },
      },
    },
    async (request) => {
      const admin = userOf(request)
      const { version, ...rest } = request.body
      const year = { year: request.params.year, ...rest }
      const merged = mergeCalendarYear({ years: [] }, year)
      if (!merged.ok) {
        // core says `year.holidays[1].to: …`; the request calls that year `body`.
        const issues = merged.error.map((issue) => issue.replace(/^year\b/, 'body'))
        throw new ApiError(400, 'BAD_CALENDAR', issues[0]!, issues[0]!.split(':')[0], { issues })
      }
      const row = await putCalendarYear(app.db, year, admin.actor.id, app.clock(), version)
      if (!row) throw conflict('STALE_VERSION', `calendar year ${year.year} changed since version ${version}; reload it`)
      app.caseRules.invalidate()
      await audit(app, request, { action: 'calendar.update', outcome: 'success', target: `calendar/${year.year}`, details: { version: row.version, notice: year.notice } })
      return presentCalendarYear(row)
    },
  )

  app.get(
    '/admin/case-rules',
    { schema: { tags: ['admin'], summary: 'The case rules in force: working periods, stage limits, lights, extensions', response: { 200: RulesBody, ...caseErrors } } },
    async () => rulesView(),
  )

  app.put(
    '/admin/case-rules',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['admin'],
        summary: 'Change working periods, stage limits, yellow share or the extension limit (administrators)',
        description: 'The body replaces the stored settings; fields left out return to their defaults. Applies to stages started from now on.',
        body: Type.Object({ settings: Type.Record(Type.String(), Type.Unknown()), version: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_VERSION })) }),
        response: { 200: RulesBody, ...caseErrors },
      },
    },
    async (request) => {
      const admin = userOf(request)
      const issue = checkCaseRuleSettings(request.body.settings)
      if (issue) {
        const field = issue.field === 'body' ? 'body.settings' : `body.settings.${issue.field}`
        throw badRequest(`${field}: ${issue.message}`, field)
      }
      const expected = request.body.version
      if (expected === 0 && (await getSetting(app.db, CASE_RULES_SETTING))) throw conflict('STALE_VERSION', 'the case rules were set by someone else; reload them')
      const saved = await putSetting(app.db, CASE_RULES_SETTING, request.body.settings, admin.actor.id, app.clock(), expected || undefined)
      if (!saved) throw conflict('STALE_VERSION', `the case rules changed since version ${expected}; reload them`)
      app.caseRules.invalidate()
      await audit(app, request, { action: 'case-rules.update', outcome: 'success', target: 'case-rules', details: { settings: request.body.settings } })
      return rulesView()
    },
  )

  async function rulesView() {
    const [{ rules, years, settings }, stored] = await Promise.all([app.caseRules.get(), getSetting(app.db, CASE_RULES_SETTING)])
    return {
      settings: settings as CaseRuleSettings as Record<string, unknown>,
      effective: {
        workingPeriods: rules.calendar.periods.map((p) => ({ from: hhmm(p.from), to: hhmm(p.to) })),
        stageLimits: { ...rules.stageLimits },
        onSiteLimit: rules.onSiteLimit,
        yellowShare: rules.yellowShare,
        maxExtensions: rules.maxExtensions,
        rapidHandling: rules.rapidHandling,
        calendarYears: [...years],
      },
      version: stored?.version ?? 0,
    }
  }
}

export default calendar
