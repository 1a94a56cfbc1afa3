import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { DATABASES } from '../databases.js'
import { seededApi, type SeededApi } from '../seeded.js'
import { DEFAULT_DEMO_PASSWORD } from '../../src/config.js'
import { caller, PNG, uploadPhoto } from '../helpers.js'
import type { FuzzCaller, KnownValues } from './fuzzer.js'

/** The demo sensor's API key (seeded with the demo city; scopes cases:create, photos:create). */
const SENSOR_KEY = 'cityloop-demo-sensor-key'

/** The API over a seeded database, the callers the fuzzer sends as, and real values for its requests. */
export interface FuzzTarget {
  readonly api: SeededApi
  readonly callers: readonly FuzzCaller[]
  readonly known: KnownValues
}

/** Seeds 海陵区 on `backend`, signs in a few roles, files a case and uploads a photo for the fuzzer to aim at. */
export async function fuzzTarget(backend: (typeof DATABASES)[number]): Promise<FuzzTarget> {
  const api = await seededApi(backend, { components: false, onlyDistrict: '321202' })
  const app = api.app
  const roles = ['inspector', 'dispatcher', 'shift-leader', 'hl-sanitation', 'admin'] as const
  const tokens = await Promise.all(roles.map((r) => tokenFor(app, r)))
  const callers: FuzzCaller[] = [
    { name: 'anonymous', headers: {} },
    ...roles.map((role, i) => ({
      name: role,
      headers: { authorization: `Bearer ${tokens[i]!}` },
      keepSession: true,
      seesCases: role === 'dispatcher' || role === 'shift-leader' || role === 'admin',
    })),
    { name: 'api-key', headers: { 'x-api-key': SENSOR_KEY } },
  ]
  const inspector = caller(app, 'inspector', callers[1]!.headers)
  const photoId = await uploadPhoto(inspector, PNG)
  const filed = await inspector.post('/api/v1/cases', { lon: 119.92, lat: 32.49, categoryKey: '2026:event:06010', description: '暴露垃圾', photoIds: [photoId] })
  assert.equal(filed.status, 201, JSON.stringify(filed.body))
  const caseId = filed.body.case.id as string
  const grid = await app.inject({ method: 'GET', url: '/api/v1/grids?limit=1' })
  const gridId = (grid.json() as { features: Array<{ id: string }> }).features[0]!.id
  const component = await app.inject({ method: 'GET', url: '/api/v1/components?limit=1' })
  const componentId = (component.json() as { features: Array<{ id: string }> }).features[0]?.id ?? '3212020010010101'
  const units = ['hl-sanitation', 'hl-law-enforcement', 'hl-government', 'no-such-unit']
  const limit = (amount: number, unit = 'working-days') => ({ amount, unit })
  const known: KnownValues = {
    id: [caseId, gridId, componentId, photoId, units[0]!, '00000000-0000-4000-8000-000000000000'],
    code: ['321202', '321202001', '321202001001'],
    year: ['2026', '2027', 2026],
    edition: ['2013', '2026'],
    name: ['deadline-sweep', 'housekeeping', 'no-such-job'],
    limit: ['1', '50', '500'],
    since: ['0', '1', '100'],
    entities: ['region', 'case', 'region,case', 'component,unit_grid', 'case,', '', ',', ',,', 'CASE'],
    bbox: ['119.9,32.4,120.0,32.5', '-180,-90,180,90', '120,33,119,32'],
    lon: [119.92, 119.905, '119.92'],
    lat: [32.49, 32.485, '32.49'],
    category: ['2026:event:06010', '2013:component:0101', '2013'],
    categoryKey: ['2026:event:06010', '2013:component:0101'],
    community: ['321202001001'],
    grid: [gridId],
    unit: units,
    unitId: units,
    subUnitId: units,
    inspectorId: ['demo-inspector', 'demo-dispatcher'],
    photoId: [photoId],
    photoIds: [[photoId], []],
    afterPhotoIds: [[photoId]],
    version: [1, 2, 3, 4, 5, 6],
    duration: [limit(2), limit(1e12), limit(250), limit(-1), limit(3, 'fortnights'), limit(8785, 'natural-hours')],
    handleLimit: [limit(3, 'working-hours'), limit(1e9), limit(0)],
    costYuan: [100, 1e12, -1],
    action: ['accept', 'register', 'dispatch', 'sign', 'request-extension', 'approve-extension', 'handle', 'rapid-handle', 'request-check', 'check-result'],
    settings: [{}, { yellowShare: 0.7 }, { stageLimits: { dispatch: limit(1e9, 'working-hours') } }, { workingPeriods: [{ from: '09:00', to: '09:01' }] }, { maxExtensions: 1e9 }, { workingPeriods: [null] }],
    username: ['admin', 'nobody', 'a'.repeat(200)],
    'idempotency-key': ['k-1', 'k-2'],
  }
  return { api, callers, known }
}

async function tokenFor(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEFAULT_DEMO_PASSWORD } })
  assert.equal(res.statusCode, 200, res.body)
  return (res.json() as { token: string }).token
}

/** After the run: the server is healthy and still does real work. */
export async function assertHealthy(app: FastifyInstance): Promise<void> {
  const health = await app.inject({ method: 'GET', url: '/healthz' })
  assert.equal(health.statusCode, 200, health.body)
  assert.equal(health.json().status, 'ok')
  const locate = await app.inject({ method: 'GET', url: '/api/v1/locate?lon=119.92&lat=32.49&category=2026:event:06010' })
  assert.equal(locate.statusCode, 200, locate.body)
  assert.equal(locate.json().grid?.id?.slice(0, 6), '321202')
  const filed = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: { 'x-api-key': SENSOR_KEY }, payload: { lon: 119.921, lat: 32.491, categoryKey: '2026:event:06010' } })
  assert.equal(filed.statusCode, 201, filed.body)
}
