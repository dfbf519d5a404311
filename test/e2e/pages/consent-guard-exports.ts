/**
 * Placeholder for the plugin's public exports in the test page bundle.
 * vite.pages.config.ts swaps this module for plugin/index.ts when that file
 * exists, so the page bundle can be built before the plugin is written (it
 * then exposes analytics-next only). Empty on purpose.
 */
export {}
