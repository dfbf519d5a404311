/**
 * The demo shop's front end (`npm start` builds it when missing or stale):
 * four shop pages and the `/sink` view, TypeScript bundled by Vite into
 * demo/dist/shop. The shop imports the plugin's source, so the demo always
 * runs the current code. Also the vitest config of the demo's unit tests:
 * `npx vitest run -c vite.demo.config.ts`.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname
const shop = resolve(root, 'demo/shop')

export default defineConfig({
  root: shop,
  publicDir: resolve(shop, 'public'),
  // analytics-next skips classic CDN destinations when NODE_ENV is 'test'
  // (e.g. a build started from a test run): the demo must load them.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(root, 'demo/dist/shop'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    rollupOptions: {
      input: Object.fromEntries(['index', 'product', 'cart', 'login', 'sink'].map((page) => [page, resolve(shop, `${page}.html`)])),
    },
  },
  test: {
    root,
    include: ['demo/**/*.test.ts'],
    environment: 'happy-dom',
  },
})
