/** Adding to the cart, with the Segment e-commerce event that goes with it. */
import { analytics } from '../analytics/shop-analytics'
import { toast } from '../layout/page-chrome'
import { productProperties, type Product } from '../store/catalog'
import { addToCart, cartLines } from '../store/cart-store'

export function addProductToCart(product: Product): void {
  addToCart(product)
  const line = cartLines().find((l) => l.product.id === product.id)
  void analytics.track('Product Added', { ...productProperties(product), cart_quantity: line?.quantity ?? 1 })
  toast(`${product.name} added to your cart`)
}
