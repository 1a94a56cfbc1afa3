import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { recordDemoPhotos, demoPhotos } from '../../src/demo/demo-photos.js'
import { DATABASES } from '../databases.js'
import { seededApi, testClock, type SeededApi } from '../seeded.js'
import { JPEG, signInAll, uploadPhoto, type Caller } from '../helpers.js'

// 照片: who may read a photo (those who may read a case citing it; its uploader until one does; 404 for
// everyone else), the per-caller upload quota (429 with Retry-After), and the cleanup of photos no case
// cites a day after their upload.

const HAILING = { lon: 119.92, lat: 32.49 }
const GARBAGE = '2026:event:06010'
const MONDAY_0900 = '2026-03-02T01:00:00Z'
const MIN = 60_000

/** A JPEG of `size` bytes, different every call (a new photo id). */
function jpeg(size = 256): Buffer {
  return Buffer.concat([JPEG.subarray(0, 4), randomBytes(size - 4)])
}

for (const backend of DATABASES) {
  describe(`photos on ${backend.name}`, () => {
    let s: SeededApi
    let u: Record<string, Caller>
    const clock = testClock(MONDAY_0900)

    before(async () => {
      // A small quota, so the test reaches it: 4 photos or 40 kB per 10 minutes.
      s = await seededApi(backend, { components: false, onlyDistrict: '321202', clock, sessionHours: 72, photoQuota: { uploads: 4, bytes: 40_000, windowMs: 10 * MIN } })
      u = await signInAll(s.app)
    })
    after(() => s.close())

    const by = (name: string) => u[name]!
    const status = async (who: string, id: string) => (await by(who).get(`/api/v1/photos/${id}`)).status
    // Each test starts a fresh quota window.
    const nextWindow = () => clock.advance(11 * MIN)

    test('an unattached photo is its uploader’s alone; others get 404 as for a photo that does not exist', async () => {
      nextWindow()
      const id = await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
      assert.equal(await status('inspector', id), 200)
      for (const other of ['receiver', 'leader', 'admin', 'inspector-east', 'hl-sanitation', 'gis']) assert.equal(await status(other, id), 404, other)
      const missing = await by('receiver').get(`/api/v1/photos/${'0'.repeat(64)}`)
      const hidden = await by('receiver').get(`/api/v1/photos/${id}`)
      assert.deepEqual([hidden.status, hidden.body.error.code], [missing.status, missing.body.error.code])
    })

    test('a photo cited by a case is read by whoever may read the case (access.ts), and no one else', async () => {
      nextWindow()
      const before = await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
      const r = await by('inspector').post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, description: '路边暴露垃圾', photoIds: [before] })
      assert.equal(r.status, 201, JSON.stringify(r.body))
      let c = r.body.case
      // The desk and leaders see every case; the reporting inspector its own; the unit not yet; the GIS maintainer never.
      for (const who of ['receiver', 'shift-leader', 'leader', 'admin', 'inspector']) assert.equal(await status(who, before), 200, who)
      for (const who of ['hl-sanitation', 'water-supply', 'gis', 'inspector-east']) assert.equal(await status(who, before), 404, who)
      for (const [who, action, payload] of [
        ['receiver', 'accept', {}],
        ['shift-leader', 'register', {}],
        ['dispatcher', 'dispatch', { unitId: 'hl-sanitation' }],
        ['hl-sanitation', 'sign', {}],
      ] as const) {
        const a = await by(who).post(`/api/v1/cases/${c.id}/actions`, { action, version: c.version, ...payload })
        assert.equal(a.status, 200, JSON.stringify(a.body))
        c = a.body.case
      }
      assert.equal(await status('hl-sanitation', before), 200, 'the unit the case went to')
      assert.equal(await status('water-supply', before), 404, 'another unit')
      // The handler's after-photo: its own until cited, then the case's.
      const afterPhoto = await uploadPhoto(by('hl-sanitation'), jpeg(), 'image/jpeg')
      assert.equal(await status('receiver', afterPhoto), 404)
      const handled = await by('hl-sanitation').post(`/api/v1/cases/${c.id}/actions`, { action: 'handle', version: c.version, note: '已清运', afterPhotoIds: [afterPhoto] })
      assert.equal(handled.status, 200, JSON.stringify(handled.body))
      assert.equal(await status('receiver', afterPhoto), 200)
      assert.equal(await status('inspector', afterPhoto), 200)
    })

    test('uploads per caller: the 5th photo in 10 minutes is a 429 with Retry-After; others are not held back', async () => {
      nextWindow()
      for (let i = 0; i < 4; i++) {
        await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
        clock.advance(MIN)
      }
      const fifth = await by('inspector').post('/api/v1/photos', jpeg(), { 'content-type': 'image/jpeg' })
      assert.deepEqual([fifth.status, fifth.body.error.code], [429, 'PHOTO_QUOTA'])
      // The first upload leaves the window 10 minutes after it, 6 minutes from now.
      assert.equal(fifth.headers['retry-after'], String(6 * 60))
      // The same bytes again count too: an upload costs the server whether or not it is new.
      const again = await by('inspector').post('/api/v1/photos', JPEG, { 'content-type': 'image/jpeg' })
      assert.equal(again.status, 429)
      await uploadPhoto(by('inspector-east'), jpeg(), 'image/jpeg')
      const sensor = await s.app.inject({ method: 'POST', url: '/api/v1/photos', headers: { 'x-api-key': 'cityloop-demo-sensor-key', 'content-type': 'image/jpeg' }, payload: jpeg() })
      assert.equal(sensor.statusCode, 201)
      clock.advance(6 * MIN)
      await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
    })

    test('volume per caller: the photo that would pass 40 kB in 10 minutes is a 429, also for an API client', async () => {
      nextWindow()
      const send = () => s.app.inject({ method: 'POST', url: '/api/v1/photos', headers: { 'x-api-key': 'cityloop-demo-sensor-key', 'content-type': 'image/jpeg' }, payload: jpeg(15_000) })
      assert.equal((await send()).statusCode, 201)
      clock.advance(2 * MIN)
      assert.equal((await send()).statusCode, 201)
      const third = await send()
      assert.equal(third.statusCode, 429)
      assert.match(third.json().error.message, /at most 40 kB of photos per 10 minutes/)
      assert.equal(third.headers['retry-after'], String(8 * 60))
      assert.equal((await uploadPhoto(by('inspector'), jpeg(15_000), 'image/jpeg')).length, 64, 'a person is counted apart from the sensor')
    })

    test('photos no case cites are removed a day after upload, rows and files; cited and demo photos stay', async () => {
      nextWindow()
      const old = clock.now()
      const abandoned = await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
      const cited = await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
      const filed = await by('inspector').post('/api/v1/cases', { ...HAILING, categoryKey: GARBAGE, photoIds: [cited] })
      assert.equal(filed.status, 201)
      await recordDemoPhotos(s.open.db, { now: old, store: s.app.photos })
      const fileOf = (id: string) => join(s.photosDir, id.slice(0, 2), id)
      assert.ok(existsSync(fileOf(abandoned)))

      clock.advance(23 * 60 * MIN)
      const recent = await uploadPhoto(by('inspector'), jpeg(), 'image/jpeg')
      const early = await s.app.jobs.runNow('unattached-photos')
      assert.deepEqual(early, { ran: true, result: { removedPhotos: 0 } })

      clock.advance(2 * 60 * MIN)
      const run = await s.app.jobs.runNow('unattached-photos')
      assert.ok(run.ran)
      const ids = new Set((await s.open.db.selectFrom('photo').select('id').execute()).map((r) => r.id))
      assert.ok(!ids.has(abandoned), 'the abandoned upload is gone')
      assert.ok(!existsSync(fileOf(abandoned)), 'and its file')
      assert.ok(ids.has(cited) && existsSync(fileOf(cited)), 'a cited photo stays')
      assert.ok(ids.has(recent), 'a photo younger than a day stays')
      for (const p of demoPhotos()) assert.ok(ids.has(p.id) && existsSync(fileOf(p.id)), 'the demo photos stay')
      assert.equal(await status('inspector', abandoned), 404)
    })
  })
}
