/** One product (`/product?id=...`). Tracks the page view and "Product Viewed". */
import { analytics } from '../analytics/shop-analytics'
import { byId, el, replaceChildren } from '../layout/dom'
import { mountChrome } from '../layout/page-chrome'
import { CATALOG, findProduct, formatPrice, productProperties } from '../store/catalog'
import { addProductToCart } from './add-to-cart'

mountChrome('home')
const product = findProduct(new URLSearchParams(location.search).get('id')) ?? CATALOG[0]
document.title = `${product.name} · Fieldnote Supply`

replaceChildren(
  byId('product'),
  el('div', { class: 'product-hero' }, el('img', { src: product.image, alt: product.name, width: 480, height: 360 })),
  el(
    'div',
    { class: 'product-detail' },
    el('a', { href: '/', class: 'back' }, '← All products'),
    el('span', { class: 'product-category' }, product.category),
    el('h1', {}, product.name),
    el('p', { class: 'price large' }, formatPrice(product.priceCents)),
    el('p', { class: 'blurb' }, product.blurb),
    el('button', { type: 'button', class: 'button primary', onclick: () => addProductToCart(product) }, 'Add to cart'),
    el('p', { class: 'fineprint' }, 'Free shipping over $50 · 30-day returns'),
  ),
)

void analytics.page('Product', { product_id: product.id })
void analytics.track('Product Viewed', productProperties(product))
