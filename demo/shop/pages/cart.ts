/**
 * Cart and checkout on one page: "Checkout" tracks "Checkout Started" and
 * opens the form, "Place order" tracks "Order Completed" and empties the cart.
 */
import { analytics } from '../analytics/shop-analytics'
import { byId, el, replaceChildren } from '../layout/dom'
import { mountChrome } from '../layout/page-chrome'
import { formatPrice, productProperties } from '../store/catalog'
import { cartLines, cartTotalCents, clearCart, removeFromCart } from '../store/cart-store'
import { currentUser } from '../store/user-store'

mountChrome('cart')
const root = byId('cart')

function orderProperties(orderId?: string): Record<string, unknown> {
  return {
    ...(orderId ? { order_id: orderId } : {}),
    value: cartTotalCents() / 100,
    revenue: cartTotalCents() / 100,
    currency: 'USD',
    products: cartLines().map((line) => productProperties(line.product, line.quantity)),
  }
}

function renderThanks(orderId: string): void {
  replaceChildren(
    root,
    el('h1', {}, 'Thank you!'),
    el('p', {}, `Order ${orderId} is confirmed. (This is a demo: nothing ships.)`),
    el('a', { href: '/', class: 'button' }, 'Keep shopping'),
  )
}

function checkoutForm(): HTMLElement {
  const user = currentUser()
  const placeOrder = (event: Event) => {
    event.preventDefault()
    const orderId = `FN-${Date.now().toString(36).toUpperCase()}`
    void analytics.track('Order Completed', orderProperties(orderId))
    clearCart()
    renderThanks(orderId)
  }
  const field = (label: string, name: string, value: string, type = 'text') =>
    el('label', { class: 'field' }, label, el('input', { name, type, value, required: true, autocomplete: 'off' }))
  return el(
    'form',
    { class: 'checkout-form', onsubmit: placeOrder, 'aria-label': 'Checkout' },
    el('h2', {}, 'Shipping'),
    field('Email', 'email', user?.email ?? 'ada@example.com', 'email'),
    field('Full name', 'name', user?.name ?? 'Ada Lovelace'),
    field('Address', 'address', '12 Market Street, Springfield'),
    el('button', { type: 'submit', class: 'button primary' }, 'Place order'),
  )
}

function render(): void {
  const lines = cartLines()
  if (lines.length === 0) {
    replaceChildren(root, el('h1', {}, 'Your cart'), el('p', { class: 'empty' }, 'Your cart is empty.'), el('a', { href: '/', class: 'button' }, 'Browse products'))
    return
  }
  const startCheckout = (event: Event) => {
    void analytics.track('Checkout Started', orderProperties())
    ;(event.currentTarget as HTMLButtonElement).replaceWith(checkoutForm())
  }
  replaceChildren(
    root,
    el('h1', {}, 'Your cart'),
    el(
      'ul',
      { class: 'cart-lines' },
      ...lines.map((line) =>
        el(
          'li',
          {},
          el('img', { src: line.product.image, alt: '', width: 64, height: 48 }),
          el('span', { class: 'line-name' }, line.product.name),
          el('span', { class: 'line-qty' }, `× ${line.quantity}`),
          el('span', { class: 'price' }, formatPrice(line.quantity * line.product.priceCents)),
          el(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-label': `Remove ${line.product.name}`,
              onclick: () => {
                removeFromCart(line.product)
                void analytics.track('Product Removed', productProperties(line.product, line.quantity))
                render()
              },
            },
            'Remove',
          ),
        ),
      ),
    ),
    el('p', { class: 'cart-total' }, 'Total ', el('strong', {}, formatPrice(cartTotalCents()))),
    el('button', { type: 'button', class: 'button primary', onclick: startCheckout }, 'Checkout'),
  )
}

render()
void analytics.page('Cart')
void analytics.track('Cart Viewed', orderProperties())
