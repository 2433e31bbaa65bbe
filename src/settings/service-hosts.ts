/**
 * Whether this deployment lets the app reach a host: read from the page's own Content-Security-Policy
 * (written by the build or the server from SERVICE_HOSTS), so that the add-a-service dialog can say
 * "not allowed here" before the browser refuses the request without a reason.
 */
import { connectSources, urlAllowed } from './content-security-policy'

export function hostAllowedHere(url: string): boolean {
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')
  if (!meta) return true
  return urlAllowed(url, connectSources(meta.content), window.location.origin)
}

/** The host sources the page allows, for the message that lists them. */
export function allowedHostsHere(): string[] {
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')
  return meta ? connectSources(meta.content).filter((s) => /^https?:\/\//.test(s)) : []
}
