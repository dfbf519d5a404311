/** A product tile for the home page grid, with a quick "Add to cart". */
import { el } from '../layout/dom'
import { formatPrice, type Product } from '../store/catalog'

export function productCard(product: Product, onAdd: (product: Product) => void): HTMLElement {
  const href = `/product?id=${encodeURIComponent(product.id)}`
  return el(
    'article',
    { class: 'product-card' },
    el('a', { href, class: 'product-image' }, el('img', { src: product.image, alt: '', width: 320, height: 240 })),
    el(
      'div',
      { class: 'product-info' },
      el('span', { class: 'product-category' }, product.category),
      el('h3', {}, el('a', { href }, product.name)),
      el(
        'div',
        { class: 'product-buy' },
        el('span', { class: 'price' }, formatPrice(product.priceCents)),
        el('button', { type: 'button', class: 'button', 'aria-label': `Add ${product.name} to cart`, onclick: () => onAdd(product) }, 'Add to cart'),
      ),
    ),
  )
}
