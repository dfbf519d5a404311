/**
 * Optional vitest globalSetup for the e2e project
 * (`globalSetup: ['test/e2e/support/global-setup.ts']`): builds the test page
 * bundle once before any e2e file runs, when it is missing or stale.
 */
import { ensurePagesBuilt } from './build-pages'

export default async function setup(): Promise<void> {
  await ensurePagesBuilt()
}
