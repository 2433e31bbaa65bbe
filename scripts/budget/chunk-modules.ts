/**
 * A build plugin that writes dist/.vite/chunks.json: for every JavaScript chunk, whether it is the
 * entry, what it imports statically and dynamically, and the packages and source folders its modules
 * come from. The first-view budget (scripts/budget/check-budget.ts) reads it to say which package a
 * first-view chunk carries, so that a large dependency imported into the first view fails `npm test`.
 */
import type { Plugin } from 'vite'

export interface ChunkModules {
  isEntry: boolean
  imports: string[]
  dynamicImports: string[]
  /** npm packages ("@deck.gl/core", "proj4") and app files ("src/user-data/import/import-client") in the chunk. */
  origins: string[]
}

/** "…/node_modules/@scope/name/…" → "@scope/name"; "…/src/a/b/file.ts" → "src/a/b/file". */
export function originOf(moduleId: string): string {
  const id = moduleId.replace(/\\/g, '/').replace(/\?.*$/, '')
  const nm = id.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const parts = id.slice(nm + '/node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  const src = id.lastIndexOf('/src/')
  if (src >= 0) return id.slice(src + 1).replace(/\.(ts|vue|json)$/, '')
  return id.startsWith('\0') ? 'virtual' : 'other'
}

export function chunkModules(): Plugin {
  return {
    name: 'jindong-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, ChunkModules> = {}
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue
        chunks[fileName] = {
          isEntry: output.isEntry,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          origins: [...new Set(output.moduleIds.map(originOf))].sort(),
        }
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunks.json', source: JSON.stringify(chunks, null, 1) })
    },
  }
}
