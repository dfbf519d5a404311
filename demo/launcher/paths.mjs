/** Where everything the launcher builds and serves lives, as absolute paths. */
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const repoPath = (relative) => fileURLToPath(new URL(`../../${relative}`, import.meta.url))

export const DEMO_DIST = repoPath('demo/dist')
export const SHOP_DIST = repoPath('demo/dist/shop')
export const SERVER_BUNDLE = repoPath('demo/dist/server.mjs')
export const EXTENSION_DIST = repoPath('extension/dist')
