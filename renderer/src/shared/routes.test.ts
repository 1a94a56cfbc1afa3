/* eslint-disable no-restricted-imports -- a Node test (node:test, node:assert), never part of the UI bundle */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isWallRoute, WALL_HASH } from './routes.js'

describe('routes', () => {
  it('knows the wall screen by its hash only', () => {
    for (const hash of [WALL_HASH, '#/wall/', '#wall', '#/WALL']) assert.ok(isWallRoute(hash), hash)
    for (const hash of ['', '#', '#/', '#/walls', '#/wall/x', '?view=bigscreen']) assert.ok(!isWallRoute(hash), hash)
  })
})
