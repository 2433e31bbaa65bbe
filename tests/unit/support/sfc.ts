/**
 * Loads a .vue file in the unit project, which has no Vue plugin (vitest.config.ts lists none):
 * compiles it with vue/compiler-sfc (script setup, template inlined), rewrites its relative imports
 * to absolute paths (child .vue files compiled the same way), writes the result as TypeScript under
 * node_modules/.cache/sfc-unit and imports it, so vitest transforms it like any source file and the
 * component shares the stores, i18n and vue with the test. Styles are ignored.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import type { Component } from 'vue'
import { compileScript, parse, registerTS } from 'vue/compiler-sfc'

registerTS(() => ts)

// A path, not a URL: under happy-dom the global URL is the DOM's, which node:fs does not accept.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const OUT = join(ROOT, 'node_modules/.cache/sfc-unit')
const compiled = new Map<string, string>()

const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\2/g

/** Compiles one SFC (and the SFCs it imports); returns the path of the generated .ts file. */
function compile(file: string): string {
  const done = compiled.get(file)
  if (done) return done
  const { descriptor, errors } = parse(readFileSync(file, 'utf8'), { filename: file })
  if (errors.length) throw new Error(`${file}: ${errors.map(String).join('; ')}`)
  const id = createHash('sha256').update(file).digest('hex').slice(0, 8)
  const script = compileScript(descriptor, {
    id,
    inlineTemplate: true,
    fs: { fileExists: existsSync, readFile: (path) => readFileSync(path, 'utf8') },
  })
  const code = script.content.replace(RELATIVE_IMPORT, (_match, lead: string, quote: string, spec: string) => {
    const target = resolve(dirname(file), spec)
    // Absolute paths: under a copy of the project (Stryker's sandbox) they name the copy's files.
    return `${lead}${quote}${target.endsWith('.vue') ? compile(target) : target}${quote}`
  })
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12)
  const out = join(OUT, `${basename(file, '.vue')}-${hash}.ts`)
  if (!existsSync(out)) {
    mkdirSync(OUT, { recursive: true })
    // Written whole, then renamed: parallel test files may compile the same component.
    const temporary = `${out}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`
    writeFileSync(temporary, code)
    renameSync(temporary, out)
  }
  compiled.set(file, out)
  return out
}

/** The component in src/components (e.g. 'LayerList', 'presentation/Stage'). */
export async function loadComponent(name: string): Promise<Component> {
  const module = (await import(/* @vite-ignore */ compile(join(ROOT, 'src/components', `${name}.vue`)))) as {
    default: Component
  }
  return module.default
}
