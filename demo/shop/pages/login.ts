/** Sign in: `identify` with the user's id and traits, then "Signed In". */
import { analytics } from '../analytics/shop-analytics'
import { byId, el, replaceChildren } from '../layout/dom'
import { mountChrome, showSignedInUser } from '../layout/page-chrome'
import { currentUser, signIn, signOut } from '../store/user-store'

mountChrome('login')
const root = byId('login')

function renderSignedIn(): void {
  const user = currentUser()
  if (!user) return renderForm()
  replaceChildren(
    root,
    el('h1', {}, `Hello, ${user.name}`),
    el('p', {}, `Signed in as ${user.email} (Segment user id `, el('code', {}, user.userId), ').'),
    el(
      'button',
      {
        type: 'button',
        class: 'button',
        onclick: () => {
          void analytics.track('Signed Out')
          signOut()
          void analytics.reset()
          showSignedInUser()
          renderForm()
        },
      },
      'Sign out',
    ),
  )
}

function renderForm(): void {
  const submit = (event: Event) => {
    event.preventDefault()
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '')
    const user = signIn(email)
    void analytics.identify(user.userId, { email: user.email, name: user.name })
    void analytics.track('Signed In', { method: 'password' })
    showSignedInUser()
    renderSignedIn()
  }
  replaceChildren(
    root,
    el('h1', {}, 'Sign in'),
    el('p', { class: 'muted' }, 'Any email and password will do: signing in calls analytics.identify().'),
    el(
      'form',
      { class: 'login-form', onsubmit: submit, 'aria-label': 'Sign in' },
      el('label', { class: 'field' }, 'Email', el('input', { name: 'email', type: 'email', required: true, value: 'ada@example.com' })),
      el('label', { class: 'field' }, 'Password', el('input', { name: 'password', type: 'password', required: true, value: 'correct horse' })),
      el('button', { type: 'submit', class: 'button primary' }, 'Sign in'),
    ),
  )
}

renderSignedIn()
void analytics.page('Sign in')
