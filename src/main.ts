/**
 * Start-up: the app, its pinia, then the services in src/modules/ (each exports `install`, as in
 * antfu/vitesse) in the order below, then the first render. App.vue only lays out the page.
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { installModules, type AppModule } from './app-module'
import './styles.css'

/**
 * The order matters where one service reads what another writes: the published project reads the
 * share link and the stored settings before either writes them back; the language is applied after
 * both have set it, so the first render speaks it; the built data is loaded last, once everything
 * that watches it is in place.
 */
const MODULE_ORDER = [
  'published-project', // data/project.zip, opened for every visitor (its visitor's own view wins)
  'persisted-settings', // language, basemap and camera from local storage, written back on change
  'share-link', // the URL hash ⇄ the stores
  'aggregation', // inspections and cases counted per township in a worker
  'kept-data', // 本机数据: what the user brought comes back once the built data is in
  'map-controller', // the one way to the map, provided to every component
  'locale', // the interface's language (src/i18n); the page's language and title follow view.locale
  'presentation', // ?mode=present opens presentation mode
  'recovery', // a part that failed to load: reload when the server is back, the heatmaps' state kept
  'prefetch', // after the first view, in idle time: the heatmaps' controls, the warnings tab
  'built-data', // public/geo: the manifest, the layers, the figures
] as const

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// The first render waits only for what it must speak (the language's messages, when not Chinese).
void installModules({ app, pinia }, import.meta.glob<AppModule>('./modules/*.ts', { eager: true }), MODULE_ORDER).then(
  () => app.mount('#app'),
)
