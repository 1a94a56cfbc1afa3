import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readSearchText } from './search-text.js'

describe('search text', () => {
  it('reads coordinates in the forms operators paste', () => {
    for (const text of [
      '119.93,32.47',
      '119.93, 32.47',
      '119.93，32.47',
      '119.93 32.47',
      ' (119.93, 32.47) ',
      '１１９.９３,３２.４７',
    ]) {
      assert.deepEqual(
        readSearchText(text),
        { kind: 'coordinate', lon: 119.93, lat: 32.47, swapped: false },
        text,
      )
    }
    assert.deepEqual(readSearchText('32.47, 119.93'), {
      kind: 'coordinate',
      lon: 119.93,
      lat: 32.47,
      swapped: true,
    })
  })

  it('tells ids, names and nothing apart', () => {
    assert.deepEqual(readSearchText(' 321202001001001 '), { kind: 'digits', digits: '321202001001001' })
    assert.deepEqual(readSearchText('海陵'), { kind: 'text', text: '海陵' })
    assert.deepEqual(readSearchText('Hailing District'), { kind: 'text', text: 'Hailing District' })
    assert.deepEqual(readSearchText('   '), { kind: 'empty' })
    assert.equal(readSearchText('1200,3200').kind, 'text')
  })
})
