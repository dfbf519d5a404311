/** Home: the product grid. Tracks the page view and "Product List Viewed". */
import { analytics } from '../analytics/shop-analytics'
import { byId, replaceChildren } from '../layout/dom'
import { mountChrome } from '../layout/page-chrome'
import { CATALOG, productProperties } from '../store/catalog'
import { addProductToCart } from './add-to-cart'
import { productCard } from './product-card'

mountChrome('home')
replaceChildren(byId('products'), ...CATALOG.map((product) => productCard(product, addProductToCart)))

void analytics.page('Home')
void analytics.track('Product List Viewed', {
  list_id: 'home',
  products: CATALOG.map((product, index) => ({ ...productProperties(product), position: index + 1 })),
})
