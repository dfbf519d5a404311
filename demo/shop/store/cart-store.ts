/**
 * The cart, kept in localStorage (a strictly necessary use: it is what the
 * visitor asked for). Listeners let the header's count follow changes.
 */
import { findProduct, type Product } from './catalog'

const KEY = 'demo-shop-cart'

export interface CartLine {
  product: Product
  quantity: number
}

const listeners = new Set<() => void>()

function readRaw(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {}
  } catch {
    return {}
  }
}

function writeRaw(raw: Record<string, number>): void {
  localStorage.setItem(KEY, JSON.stringify(raw))
  for (const listener of listeners) listener()
}

/** The cart's lines, in the order they were first added. */
export function cartLines(): CartLine[] {
  return Object.entries(readRaw()).flatMap(([id, quantity]) => {
    const product = findProduct(id)
    return product && quantity > 0 ? [{ product, quantity }] : []
  })
}

export const cartCount = (): number => cartLines().reduce((n, line) => n + line.quantity, 0)
export const cartTotalCents = (): number => cartLines().reduce((n, line) => n + line.quantity * line.product.priceCents, 0)

export function addToCart(product: Product): void {
  const raw = readRaw()
  raw[product.id] = (raw[product.id] ?? 0) + 1
  writeRaw(raw)
}

export function removeFromCart(product: Product): void {
  const raw = readRaw()
  delete raw[product.id]
  writeRaw(raw)
}

export function clearCart(): void {
  writeRaw({})
}

export function onCartChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
