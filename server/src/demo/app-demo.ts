import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDemo, type AppOptions } from '../app.js'
import { demoActivityFromEnv } from '../config.js'
import { demoActivityJob, type DemoActivityOptions } from './demo-activity.js'
import { demoPhotos, restoreDemoPhotos } from './demo-photos.js'

/**
 * 演示 — the demo's part in a running API, for the hosts that run the demo to pass as `buildApp({ demo })`:
 * the demo photos stay when no case cites them (the demo cites them by id) and their files are written on
 * start when a seed recorded them without a photo folder (the embedded central's first start); with
 * `activity`, the live 'demo-activity' job (demo-activity.ts). `activity` defaults to CITYLOOP_DEMO_ACTIVITY=1.
 */
export function appDemo(options: { readonly activity?: boolean | DemoActivityOptions } = {}): AppDemo {
  const activity = options.activity ?? demoActivityFromEnv()
  return {
    keepPhotoIds: () => demoPhotos().map((p) => p.id),
    onReady: async ({ db, photos }) => void (await restoreDemoPhotos(db, photos)),
    ...(activity
      ? { jobs: (context) => [demoActivityJob({ ...context, ...(typeof activity === 'object' ? { options: activity } : {}) })] }
      : {}),
  }
}

/** {@link buildApp} with the demo running in it ({@link appDemo}'s defaults unless `options.demo` says otherwise). */
export function buildDemoApp(options: AppOptions): Promise<FastifyInstance> {
  return buildApp({ demo: appDemo(), ...options })
}
