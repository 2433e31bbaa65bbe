/**
 * The page asks for the first view's data with its scripts: index.html gets a `<link rel="preload"
 * as="fetch">` for public/geo/manifest.json and for every file it lists, which the app loads on every
 * start (src/stores/data.ts `loadAll`). Without them the manifest was asked for only once the 520 kB of
 * scripts had run (at 0.6 s, traced), and the files only once it had come back (0.7 s): the map waited
 * for the data after the scripts, where a bare MapLibre page fetches its data while MapLibre starts.
 *
 * The files go at low priority, so that on a slow link they do not hold up the scripts; the manifest
 * at the default. The app's own `fetch(url)` then takes the preloaded answer (same URL, same mode).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HtmlTagDescriptor, Plugin } from 'vite'
import { parseManifest } from '../src/domain/manifest.ts'

/** The preload tags for a manifest's files, relative to the page (the build's base is './'). */
export function dataPreloads(manifestJson: unknown, geoPath = './geo/'): HtmlTagDescriptor[] {
  const { manifest, errors } = parseManifest(manifestJson)
  if (!manifest) throw new Error(`preload-data: ${errors.join('; ')}`)
  const link = (file: string, low: boolean): HtmlTagDescriptor => ({
    tag: 'link',
    attrs: {
      rel: 'preload',
      href: `${geoPath}${file}`,
      as: 'fetch',
      crossorigin: 'anonymous',
      ...(low ? { fetchpriority: 'low' } : {}),
    },
    injectTo: 'head',
  })
  return [link('manifest.json', false), ...manifest.entries.map((entry) => link(entry.file, true))]
}

export function preloadDataPlugin(): Plugin {
  let manifestFile = join('public', 'geo', 'manifest.json')
  return {
    name: 'preload-data',
    configResolved(config) {
      // The public folder Vite copies (absolute), whatever the working folder of the build.
      if (config.publicDir) manifestFile = join(config.publicDir, 'geo', 'manifest.json')
    },
    transformIndexHtml() {
      return dataPreloads(JSON.parse(readFileSync(manifestFile, 'utf8')))
    },
  }
}
