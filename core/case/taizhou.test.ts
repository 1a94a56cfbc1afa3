import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { SAFETY_ON_SITE_LIMIT } from '../catalog/types.js'
import { caseRules } from './profile.js'
import { taizhouRules } from './taizhou.js'

describe('Taizhou rules (泰州市数字化城市管理办法)', () => {
  it('turn rapid handling on (第9条第三款) and change nothing else', () => {
    const tz = taizhouRules()
    const base = caseRules()
    assert.equal(base.rapidHandling, false)
    assert.equal(tz.rapidHandling, true)
    const { calendar: _a, rapidHandling: _b, ...rest } = tz
    const { calendar: _c, rapidHandling: _d, ...baseRest } = base
    assert.deepEqual(rest, baseRest)
  })
  it('keep the 2-hour arrival of 第9条第二款', () => {
    assert.deepEqual(taizhouRules().onSiteLimit, SAFETY_ON_SITE_LIMIT)
  })
  it('let explicit overrides win', () => {
    assert.equal(taizhouRules({ yellowShare: 0.5 }).yellowShare, 0.5)
  })
})
