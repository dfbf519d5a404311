/**
 * The test server and bundle builders on their own, from Node (no browser):
 * the parts every e2e test trusts as evidence. The Chromium side is proven in
 * test/e2e/harness.e2e.test.ts with the real analytics-next.
 */
import fc from 'fast-check'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCdnSettings } from '../../fixtures/cdn-settings'
import { actionBundleUrl, classicBundlePath, classicSlug, classicVersion, destinationKey, obfuscated, parseBundleRequest } from '../../servers/bundle-routes'
import { readStaticFile } from '../../servers/static-files'
import { startTestServer, type TestServer } from '../../servers/test-server'

let server: TestServer
let staticDir: string

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'test-server-static-'))
  await writeFile(join(staticDir, 'hello.js'), 'window.hello = 1')
  server = await startTestServer({ staticDirs: { '/files/': staticDir } })
})

afterAll(async () => {
  await server?.close()
  await rm(staticDir, { recursive: true, force: true })
})

/** Runs a bundle the way a page would, recording its cookie writes and vendor calls. */
function evaluateBundle(code: string) {
  const cookies: string[] = []
  const vendorCalls: Array<{ url: string; body: { type: string; event: unknown } }> = []
  const timers: Array<() => void> = []
  const window: Record<string, unknown> = {}
  const sandbox = {
    window,
    document: { set cookie(value: string) { cookies.push(value) } },
    fetch: (url: string, init: { body: string }) => {
      vendorCalls.push({ url, body: JSON.parse(init.body) })
      return Promise.resolve()
    },
    // Run "later" tasks only when the test says so: no real time involved.
    setTimeout: (fn: () => void) => void timers.push(fn),
  }
  const run = () => runInNewContext(code, sandbox)
  return { run, window, cookies, vendorCalls, flushTimers: () => timers.splice(0).forEach((fn) => fn()) }
}

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`)
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

describe('startTestServer', () => {
  it('answers CORS preflights for the headers analytics-next sends', async () => {
    const response = await fetch(`${server.url}/v1/t`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:1',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,x-retry-count',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    for (const header of ['authorization', 'content-type', 'x-retry-count']) expect(allowed).toContain(header)
  })

  it('records sink requests with their JSON bodies and flattens batches into events', async () => {
    server.clearRequests()
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Authorization: 'Basic x' },
        body: JSON.stringify(body),
      })
    await post('/v1/t', { type: 'track', event: 'One', messageId: 'm1' })
    await post('/v1/b', { batch: [{ type: 'page', messageId: 'm2' }, { type: 'identify', messageId: 'm3' }] })
    await post('/v1/m', { series: [] })
    expect(server.segmentEvents().map((e) => e.messageId)).toEqual(['m1', 'm2', 'm3'])
    expect(server.requests[0]).toMatchObject({
      kind: 'segment',
      method: 'POST',
      path: '/v1/t',
      headers: { authorization: 'Basic x' },
    })
  })

  it('waitFor resolves on a later request and names what it saw when the deadline passes', async () => {
    const waiting = server.waitForEvent((e) => e.event === 'Later')
    await fetch(`${server.url}/v1/t`, { method: 'POST', body: JSON.stringify({ type: 'track', event: 'Later' }) })
    await expect(waiting).resolves.toMatchObject({ event: 'Later' })
    await expect(server.waitFor((r) => r.path === '/never', 50)).rejects.toThrow(/seen: .*POST \/v1\/t/)
  })

  it('serves CDN settings per write key, computed from its own URL, and 404s unknown keys', async () => {
    server.setCdnSettings((url) => buildCdnSettings({ apiHost: url, writeKey: 'k1' }), 'k1')
    const found = await get('/v1/projects/k1/settings')
    expect(found.status).toBe(200)
    const settings = JSON.parse(found.text)
    expect(settings.integrations['Segment.io']).toMatchObject({
      apiKey: 'k1',
      apiHost: `127.0.0.1:${server.port}/v1`,
      protocol: 'http',
    })
    expect((await get('/v1/projects/other/settings')).status).toBe(404)
  })

  it('serves pages, static files and 404s the rest, recording each kind', async () => {
    server.setPage('/p.html', '<p>hi</p>')
    expect(await get('/p.html')).toMatchObject({ status: 200, text: '<p>hi</p>', type: expect.stringContaining('text/html') })
    expect(await get('/files/hello.js')).toMatchObject({
      status: 200,
      text: 'window.hello = 1',
      type: expect.stringContaining('javascript'),
    })
    expect((await get('/files/missing.js')).status).toBe(404)
    expect((await get('/nothing')).status).toBe(404)
    expect(server.requests.slice(-4).map((r) => r.kind)).toEqual(['page', 'static', 'static', 'other'])
  })

  it('never serves a file outside a static directory', async () => {
    expect(await readStaticFile(staticDir, '../../etc/passwd')).toBeUndefined()
    expect(await readStaticFile(staticDir, 'hello.js')).toBeDefined()
  })

  it('closes while a keep-alive connection is still open', async () => {
    const extra = await startTestServer()
    await new Promise<void>((resolve) => {
      httpRequest(`${extra.url}/v1/t`, { method: 'POST', agent: undefined, headers: { Connection: 'keep-alive' } }, (res) => {
        res.resume()
        res.on('end', resolve)
      }).end('{}')
    })
    await expect(extra.close()).resolves.toBeUndefined()
  })
})

describe('fake destination bundles', () => {
  it('a classic bundle sets its cookie, initialises, becomes ready and calls its vendor per event', async () => {
    const path = classicBundlePath('Fake Classic', classicVersion())
    const bundle = await get(path)
    expect(bundle).toMatchObject({ status: 200, type: expect.stringContaining('javascript') })
    const page = evaluateBundle(bundle.text)
    page.run()
    expect(page.cookies).toEqual(['fake-classic_loaded=1; path=/'])
    expect(page.window['fake-classicDeps']).toEqual([])
    ;(page.window['fake-classicLoader'] as () => void)()
    const Integration = page.window['fake-classicIntegration'] as new (s: object) => {
      on(e: string, f: () => void): void
      once(e: string, f: () => void): void
      initialize(): void
      invoke(type: string, facade: { json(): unknown }): void
    }
    const integration = new Integration({})
    const seen: string[] = []
    integration.on('initialize', () => seen.push('initialize'))
    integration.once('ready', () => seen.push('ready'))
    integration.initialize()
    page.flushTimers()
    integration.invoke('track', { json: () => ({ event: 'E' }) })
    expect(seen).toEqual(['initialize', 'ready'])
    expect(page.vendorCalls.map((c) => [c.url, c.body.type])).toEqual([
      [`${server.url}/vendor/fake-classic/initialize`, 'initialize'],
      [`${server.url}/vendor/fake-classic/track`, 'track'],
    ])
  })

  it('injects the three faults', async () => {
    expect((await get(classicBundlePath('Gone', classicVersion('not-found')))).status).toBe(404)

    const throwing = evaluateBundle((await get(classicBundlePath('Thrower', classicVersion('throws-on-eval')))).text)
    expect(throwing.run).toThrow(/thrower throws on evaluation/)
    expect(throwing.cookies).toEqual(['thrower_loaded=1; path=/'])

    const hanging = evaluateBundle((await get(classicBundlePath('Hanger', classicVersion('never-loads')))).text)
    hanging.run()
    ;(hanging.window['hangerLoader'] as () => void)()
    type Integration = { on(e: string, f: () => void): void; initialize(): void }
    const integration = new (hanging.window['hangerIntegration'] as new (s: object) => Integration)({})
    const seen: string[] = []
    integration.on('initialize', () => seen.push('initialize'))
    integration.on('ready', () => seen.push('ready'))
    integration.initialize()
    hanging.flushTimers()
    expect(seen).toEqual([])
  })

  it('an action bundle defines a plugin factory analytics-next accepts', async () => {
    const settings = buildCdnSettings({
      apiHost: server.url,
      destinations: [{ name: 'Fake Action', kind: 'action', categories: ['C1'] }],
    })
    const [remote] = settings.remotePlugins
    // Segment's CDN in the settings; analytics-next fetches it from its CDN (here the server).
    expect(remote.url).toMatch(/^https:\/\/cdn\.segment\.com\/next-integrations\/actions\/fake-action\/[^/]+\.js$/)
    const bundle = await fetch(remote.url.replace('https://cdn.segment.com', server.url)).then((r) => r.text())
    const page = evaluateBundle(bundle)
    page.run()
    const plugin = (page.window[remote.libraryName] as (s: unknown) => Record<string, unknown>)({})
    for (const key of ['load', 'isLoaded', 'name', 'version', 'type']) expect(plugin[key]).toBeDefined()
    expect(plugin).toMatchObject({ name: 'fake-action', type: 'destination' })
    await (plugin.load as () => Promise<void>)()
    ;(plugin.track as (ctx: unknown) => void)({ event: { event: 'E' } })
    expect(page.cookies).toEqual(['fake-action_loaded=1; path=/'])
    expect(page.vendorCalls.map((c) => c.body.type)).toEqual(['initialize', 'track'])
  })
})

describe(parseBundleRequest, () => {
  it('reads Segment CDN paths, plain and btoa\'d (obfuscate), with the fault named in the file or version', () => {
    const action = new URL(actionBundleUrl('Fake Action', 'throws-on-eval')).pathname
    expect(parseBundleRequest(action)).toEqual({ kind: 'action', slug: 'fake-action', key: 'fake-action', obfuscated: false, fault: 'throws-on-eval' })
    const hidden = action.replace('/fake-action/', `/${obfuscated('fake-action')}/`)
    expect(parseBundleRequest(hidden)).toMatchObject({ kind: 'action', key: 'fake-action', obfuscated: true })
    const slug = obfuscated('fake-classic')
    expect(parseBundleRequest(`/next-integrations/integrations/${slug}/2.11.5/${slug}.dynamic.js.gz`)).toEqual({
      kind: 'classic', slug: 'fake-classic', key: 'fake-classic', obfuscated: true, fault: undefined,
    })
    expect(parseBundleRequest(classicBundlePath('Fake Classic', classicVersion()))).toMatchObject({ slug: 'fake-classic', obfuscated: false })
    expect(parseBundleRequest('/next-integrations/actions/Not_A_Key!/x.js')).toBeUndefined()
  })
})

describe(destinationKey, () => {
  it('is the same for a name and for its analytics-next classic slug, and cookie-safe', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const key = destinationKey(name)
        expect(destinationKey(classicSlug(name))).toBe(key)
        expect(key).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/)
      }),
    )
  })
})
