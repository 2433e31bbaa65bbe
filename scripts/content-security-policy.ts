/**
 * The build writes the Content-Security-Policy into index.html from SERVICE_HOSTS (the hosts this
 * deployment's service layers and custom styles may reach). The end-to-end build also allows the
 * tests' own servers on 127.0.0.1 and the style host its fault test routes.
 */
import type { Plugin } from 'vite'
import { parseServiceHosts, withContentSecurityPolicy } from '../src/settings/content-security-policy.ts'

export const E2E_SERVICE_HOSTS = ['http://127.0.0.1:*', 'https://style.example.test']

export function contentSecurityPolicyPlugin(): Plugin {
  let mode = 'production'
  return {
    name: 'content-security-policy',
    configResolved(config) {
      mode = config.mode
    },
    transformIndexHtml(html) {
      const hosts = parseServiceHosts(process.env.SERVICE_HOSTS)
      return withContentSecurityPolicy(html, mode === 'e2e' ? [...hosts, ...E2E_SERVICE_HOSTS] : hosts)
    },
  }
}
