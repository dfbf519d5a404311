/**
 * What every shop page shares: the demo strip (what Consent Guard thinks
 * the consent is, and a link to `/sink`), the shop header with the cart
 * count, the footer with OneTrust's "Cookie settings" link, and toasts.
 */
import type { ConsentState } from '../../../shared/routing/types'
import { guard } from '../analytics/shop-analytics'
import { DEMO_GROUPS } from '../one-trust/one-trust-groups'
import { cartCount, onCartChange } from '../store/cart-store'
import { currentUser } from '../store/user-store'
import { byId, el, replaceChildren } from './dom'

export type PageName = 'home' | 'cart' | 'login'

const SHORT_NAMES: Record<string, string> = { C0002: 'Performance', C0003: 'Functional', C0004: 'Targeting' }

/** The demo strip's consent summary, e.g. chips "Performance ✓ Functional ✗". */
function consentSummary(state: ConsentState): Array<Node | string> {
  if (state.status === 'pending') return [el('span', { class: 'chip chip-pending' }, 'waiting for a choice: events are held')]
  return DEMO_GROUPS.filter((g) => g.Status !== 'always active').map((g) => {
    const on = state.categories[g.CustomGroupId] === true
    return el(
      'span',
      { class: `chip ${on ? 'chip-on' : 'chip-off'}`, title: `${g.CustomGroupId} ${g.GroupName}` },
      `${SHORT_NAMES[g.CustomGroupId] ?? g.CustomGroupId} ${on ? '✓' : '✗'}`,
    )
  })
}

function demoStrip(): HTMLElement {
  const consent = el('span', { class: 'demo-consent', 'aria-live': 'polite' })
  const render = () => replaceChildren(consent, ...consentSummary(guard.consent()))
  render()
  guard.onDiagnostic((d) => {
    if (d.kind === 'consent') render()
  })
  return el(
    'div',
    { class: 'demo-strip', role: 'note' },
    el('strong', {}, 'Consent Guard demo'),
    el('span', { class: 'demo-label' }, 'Consent in force:'),
    consent,
    el('a', { href: '/sink', target: '_blank', rel: 'noopener' }, 'Open the sink view ↗'),
  )
}

function header(active: PageName): HTMLElement {
  const count = el('span', { class: 'cart-count', 'aria-label': 'items in cart' }, cartCount())
  onCartChange(() => replaceChildren(count, cartCount()))
  const user = currentUser()
  const link = (page: PageName, href: string, ...label: Array<Node | string>) =>
    el('a', { href, class: page === active ? 'active' : undefined, 'aria-current': page === active ? 'page' : undefined }, ...label)
  return el(
    'header',
    { class: 'site-header' },
    el('a', { href: '/', class: 'brand' }, el('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Fieldnote Supply'),
    el(
      'nav',
      { 'aria-label': 'Main' },
      link('home', '/', 'Shop'),
      link('login', '/login', el('span', { id: 'nav-user' }, user ? user.name : 'Sign in')),
      link('cart', '/cart', 'Cart ', count),
    ),
  )
}

/** Updates the header after signing in or out on this page. */
export function showSignedInUser(): void {
  replaceChildren(byId('nav-user'), currentUser()?.name ?? 'Sign in')
}

function footer(): HTMLElement {
  return el(
    'footer',
    { class: 'site-footer' },
    el('span', {}, 'Fieldnote Supply is a demo shop: nothing is sold, every request stays on 127.0.0.1.'),
    el('a', { href: '#', class: 'ot-sdk-show-settings' }, 'Cookie settings'),
  )
}

/** Wraps the page's `<main>` in the shared chrome. */
export function mountChrome(active: PageName): void {
  const main = byId('main')
  main.before(demoStrip(), header(active))
  main.after(footer())
}

/** A short confirmation at the bottom of the screen. */
export function toast(message: string): void {
  const existing = document.querySelector('.toast')
  existing?.remove()
  const note = el('div', { class: 'toast', role: 'status' }, message)
  document.body.append(note)
  setTimeout(() => note.remove(), 2500)
}
