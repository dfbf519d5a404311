/** The on-demand chunk that loads destination code after start-up (see lazy-destinations.ts). */
export { loadActionDestination } from './action-destination'
export { classicDestination, fetchClassicIntegration } from './classic-destination'
