/** The shop's four products. Prices in cents, to keep the arithmetic exact. */

export interface Product {
  id: string
  name: string
  priceCents: number
  category: string
  /** Image under demo/shop/public/images. */
  image: string
  blurb: string
}

export const CATALOG: readonly Product[] = [
  {
    id: 'field-notebook',
    name: 'Field Notebook',
    priceCents: 1400,
    category: 'Stationery',
    image: '/images/notebook.svg',
    blurb: 'Eighty dot-grid pages, stitched binding, a cover that survives a rainy hike.',
  },
  {
    id: 'enamel-mug',
    name: 'Enamel Camp Mug',
    priceCents: 1800,
    category: 'Kitchen',
    image: '/images/mug.svg',
    blurb: 'Steel with a glass-hard enamel coat. Campfire-proof, dishwasher-safe.',
  },
  {
    id: 'canvas-tote',
    name: 'Canvas Tote',
    priceCents: 2600,
    category: 'Bags',
    image: '/images/tote.svg',
    blurb: 'Heavy cotton canvas with a flat bottom and an inside pocket for keys.',
  },
  {
    id: 'wool-beanie',
    name: 'Merino Beanie',
    priceCents: 3200,
    category: 'Apparel',
    image: '/images/beanie.svg',
    blurb: 'Soft merino rib knit, warm without the itch. One size.',
  },
]

export function findProduct(id: string | null): Product | undefined {
  return CATALOG.find((p) => p.id === id)
}

export function formatPrice(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`
}

/** A product as Segment's e-commerce spec names its properties. */
export function productProperties(product: Product, quantity = 1): Record<string, unknown> {
  return {
    product_id: product.id,
    name: product.name,
    category: product.category,
    price: product.priceCents / 100,
    quantity,
    currency: 'USD',
  }
}
