/**
 * Every adapter, driven through its platform (the real library where the
 * platform's code is public, test/unit/support/real-consent-libraries.ts;
 * its fake otherwise), inside the real
 * analytics-next with the real Consent Guard: a refused category keeps a local
 * destination from being called and is stamped false on the Segment payload;
 * granting it (no reload) lets the next event through, stamped true.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConsentSource } from '../../plugin/consent-source'
import { consentGuard } from '../../plugin/consent-guard'
import { cookieConsent, cookiebot, didomi, googleConsentMode, gpp, ketch, klaro, oneTrust, osano, staticConsent, tcf, usercentrics } from '../../plugin/adapters/adapters'
import { flush } from '../fakes/adapter-harness'
import { cookiebotFake } from '../fakes/cookiebot-fake'
import { didomiFake } from '../fakes/didomi-fake'
import { googleTagFake } from '../fakes/google-consent-mode-fake'
import { ketchFake } from '../fakes/ketch-fake'
import { oneTrustFake } from '../fakes/one-trust-fake'
import { osanoFake } from '../fakes/osano-fake'
import { usercentricsFake } from '../fakes/usercentrics-fake'
import { realCookieConsent, realGpp, realKlaro, realTcf } from './support/real-consent-libraries'
import { interceptSegment, loadAnalytics, recordingDestination, tracked, cdnSettings } from './support/analytics-harness'

interface Platform {
  cmp: ConsentSource
  refuse(): void
  grant(): void
  showChoices?(): void
}

interface Case {
  /** The category id the platform uses for what Local needs. */
  category: string
  /**
   * Installs the platform (loaded, visitor undecided) and returns the adapter, the user's two answers
   * and, for platforms with one, how the visitor opens the choices screen again.
   */
  setup(): Platform | Promise<Platform>
}

const cases: Record<string, Case> = {
  oneTrust: {
    category: 'C0004',
    setup() {
      const fake = oneTrustFake()
      fake.load()
      return { cmp: oneTrust(), refuse: () => fake.choose(['C0002']), grant: () => fake.choose(['C0002', 'C0004']), showChoices: fake.showChoices }
    },
  },
  tcf: {
    category: 'C0004',
    setup() {
      const cmp = tcf({ purposes: { C0004: [1, 2, 3, 4] } })
      const library = realTcf()
      return { cmp, refuse: () => library.choose([1]), grant: () => library.choose([1, 2, 3, 4]), showChoices: library.showChoices }
    },
  },
  gpp: {
    category: 'C0004',
    setup() {
      const library = realGpp()
      const cmp = gpp({ sections: { usnat: { C0004: ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] } } })
      return { cmp, refuse: () => library.optOut(true), grant: () => library.optOut(false), showChoices: library.showChoices }
    },
  },
  googleConsentMode: {
    category: 'ad_storage',
    setup() {
      const fake = googleTagFake()
      fake.gtag('consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied' })
      return {
        cmp: googleConsentMode(),
        refuse: () => fake.duringClick(() => fake.gtag('consent', 'update', { analytics_storage: 'granted' })),
        grant: () => fake.duringClick(() => fake.gtag('consent', 'update', { ad_storage: 'granted' })),
      }
    },
  },
  cookiebot: {
    category: 'marketing',
    setup() {
      const fake = cookiebotFake()
      fake.load()
      return {
        cmp: cookiebot(),
        refuse: () => fake.choose({ preferences: true, statistics: true, marketing: false }),
        grant: () => fake.choose({ preferences: true, statistics: true, marketing: true }),
        showChoices: fake.showChoices,
      }
    },
  },
  usercentrics: {
    category: 'marketing',
    setup() {
      const fake = usercentricsFake({ version: 3 })
      fake.load()
      return { cmp: usercentrics(), refuse: () => fake.save(['S1pcEj_jZX']), grant: () => fake.acceptAll(), showChoices: fake.showChoices }
    },
  },
  didomi: {
    category: 'select_personalized_ads',
    setup() {
      const fake = didomiFake()
      fake.load()
      return { cmp: didomi(), refuse: () => fake.choose(['cookies']), grant: () => fake.agreeToAll(), showChoices: fake.showChoices }
    },
  },
  osano: {
    category: 'MARKETING',
    setup() {
      const fake = osanoFake()
      fake.installPreload()
      const cmp = osano()
      fake.load()
      return { cmp, refuse: () => fake.save({ ANALYTICS: true }), grant: () => fake.save({ MARKETING: true }), showChoices: fake.showChoices }
    },
  },
  ketch: {
    category: 'behavioral_advertising',
    setup() {
      const fake = ketchFake()
      fake.installSnippet()
      fake.load()
      return {
        cmp: ketch(),
        refuse: () => fake.choose({ analytics: true, behavioral_advertising: false }),
        grant: () => fake.choose({ behavioral_advertising: true }),
        showChoices: fake.showChoices,
      }
    },
  },
  klaro: {
    category: 'google-ads',
    async setup() {
      const library = await realKlaro(['matomo', 'google-ads'])
      return { cmp: klaro(), refuse: () => library.choose({ matomo: true, 'google-ads': false }), grant: () => library.choose({ 'google-ads': true }) }
    },
  },
  cookieConsent: {
    category: 'ads',
    async setup() {
      const library = await realCookieConsent(['analytics', 'ads'])
      return { cmp: cookieConsent(), refuse: () => library.choose(['analytics']), grant: () => library.choose(['analytics', 'ads']) }
    },
  },
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const CHANGE = 'Segment Consent Preference Updated'

/** Lets subscriptions, promise-based CMP APIs and the plugin's hold settle. */
const settle = async () => {
  await flush()
  await flush()
}

describe('adapters through analytics-next and Consent Guard', () => {
  it.each(Object.entries(cases))('%s: a refused category blocks Local and is stamped false; granting it lets the next event through', async (_name, c) => {
    const requests = interceptSegment()
    const calls: string[] = []
    const { cmp, refuse, grant } = await c.setup()
    const guard = consentGuard({ cmp, integrationCategoryMappings: { Local: [c.category] } })
    // Segment.io itself stays allowed (hasUnmappedDestinations), so every payload is visible.
    const settings = cdnSettings({ consentSettings: { allCategories: [c.category], hasUnmappedDestinations: true } })
    const { analytics } = await loadAnalytics(settings, [guard, recordingDestination('Local', calls)])

    refuse()
    await settle()
    await analytics.track('Refused')
    grant()
    await settle()
    await analytics.track('Granted')

    const ours = calls.filter((call) => !call.endsWith('Segment Consent Preference Updated'))
    expect(ours).toEqual(['Local:Granted'])
    await vi.waitFor(() => expect(tracked(requests).filter((p) => p.event !== 'Segment Consent Preference Updated')).toHaveLength(2))
    const byName = Object.fromEntries(tracked(requests).map((p) => [p.event, p.context.consent.categoryPreferences]))
    expect(byName.Refused[c.category]).toBe(false)
    expect(byName.Granted[c.category]).toBe(true)
    expect(guard.consent()).toMatchObject({ status: 'decided', source: cmp.name })
  })

  it('staticConsent: a fixed refusal never reaches Local', async () => {
    const requests = interceptSegment()
    const calls: string[] = []
    const guard = consentGuard({ cmp: staticConsent({ C0004: false, C0002: true }), integrationCategoryMappings: { Local: ['C0004'] } })
    const { analytics } = await loadAnalytics(cdnSettings({ consentSettings: { allCategories: ['C0004'], hasUnmappedDestinations: true } }), [
      guard,
      recordingDestination('Local', calls),
    ])
    await analytics.track('Fixed')
    expect(calls).toEqual([])
    await vi.waitFor(() => expect(tracked(requests)).toHaveLength(1))
    expect(tracked(requests)[0].context.consent.categoryPreferences).toEqual({ C0002: true, C0004: false })
  })

  // Guards from earlier tests still listen on this window: each of these pages sends to its own host.
  const ownHost = (host: string) => {
    const events: Array<string | undefined> = []
    vi.stubGlobal('fetch', async (url: string, init?: { body?: string }) => {
      if (new URL(String(url)).host === host) events.push(init?.body ? JSON.parse(init.body).event : undefined)
      return new Response('{}', { status: 200 })
    })
    return { events, options: { integrations: { 'Segment.io': { apiHost: `${host}/v1`, protocol: 'http' } } } }
  }
  const settings = () => cdnSettings({ consentSettings: { allCategories: ['C0004'], hasUnmappedDestinations: true } })
  // The same, keeping whole payloads.
  const ownHostPayloads = (host: string) => {
    const list: Array<Record<string, any>> = []
    vi.stubGlobal('fetch', async (url: string, init?: { body?: string }) => {
      if (new URL(String(url)).host === host && init?.body) list.push(JSON.parse(init.body))
      return new Response('{}', { status: 200 })
    })
    return { list, options: { integrations: { 'Segment.io': { apiHost: `${host}/v1`, protocol: 'http' } } } }
  }

  it('oneTrust: a user decision after load sends one Segment Consent Preference Updated', async () => {
    const page = ownHost('deciding.test')
    const fake = oneTrustFake()
    fake.load()
    const guard = consentGuard({ cmp: oneTrust() })
    const { analytics } = await loadAnalytics(settings(), [guard], page.options)
    fake.choose(['C0004'])
    await settle()
    await analytics.track('After')
    await vi.waitFor(() => expect(page.events).toEqual(['Segment Consent Preference Updated', 'After']))
  })

  it("oneTrust: a returning visitor's stored choice sends no Segment Consent Preference Updated, even when OneTrust loads later", async () => {
    const page = ownHost('returning.test')
    const fake = oneTrustFake({ stored: ['C0001', 'C0004'] })
    const guard = consentGuard({ cmp: oneTrust() })
    const { analytics } = await loadAnalytics(settings(), [guard], page.options)
    fake.load()
    await settle()
    expect(guard.consent()).toMatchObject({ status: 'decided', explicit: false })
    await analytics.track('Returning')
    await vi.waitFor(() => expect(page.events).toEqual(['Returning']))
  })

  // Klaro and cookieconsent: the same case runs in Chromium (test/e2e/real-cmp-libraries.e2e.test.ts).
  const reopenable = Object.entries(cases).filter(([name]) => ['oneTrust', 'tcf', 'gpp', 'cookiebot', 'usercentrics', 'didomi', 'osano', 'ketch'].includes(name))
  it.each(reopenable)('%s: events tracked while the choices screen is open again go out under the choice in force, and opening it sends nothing', async (name, c) => {
    const payloads = ownHostPayloads(`reopen-${name.toLowerCase()}.test`)
    const calls: string[] = []
    const { cmp, refuse, grant, showChoices } = await c.setup()
    const guard = consentGuard({ cmp, integrationCategoryMappings: { Local: [c.category] } })
    const settings = cdnSettings({ consentSettings: { allCategories: [c.category], hasUnmappedDestinations: true } })
    const { analytics } = await loadAnalytics(settings, [guard, recordingDestination('Local', calls)], payloads.options)

    refuse()
    await settle()
    showChoices!()
    await settle()
    await analytics.track('Open after refusing')
    grant()
    await settle()
    showChoices!()
    await settle()
    await analytics.track('Open after granting')

    expect(calls.filter((call) => !call.endsWith(CHANGE))).toEqual(['Local:Open after granting'])
    await vi.waitFor(() => expect(payloads.list.map((p) => p.event)).toContain('Open after granting'))
    const stamp = (event: string) => payloads.list.find((p) => p.event === event)?.context.consent.categoryPreferences[c.category]
    expect(stamp('Open after refusing')).toBe(false)
    expect(stamp('Open after granting')).toBe(true)
    // One change event per real change (the refusal, then the grant); opening the screen is none.
    expect(payloads.list.filter((p) => p.event === CHANGE)).toHaveLength(2)
  })
})
