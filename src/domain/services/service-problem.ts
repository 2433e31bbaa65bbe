/**
 * How the service readers refuse: one error type that carries the reason in both languages, so the
 * dialog shows the user's language and the server logs English, and a caller tells a refusal (the
 * service said no, or sent something else) from a bug by `instanceof`. Messages are plain text.
 */
import type { ServiceProblem } from './service-types'

export class ServiceReadError extends Error {
  override name = 'ServiceReadError'
  constructor(readonly problem: ServiceProblem) {
    super(problem.en)
  }
}

/** A problem, said in Chinese and English. */
export function serviceProblem(zh: string, en: string): ServiceProblem {
  return { zh, en }
}

/** Throws a ServiceReadError with the sentence in Chinese and English. */
export function refuse(zh: string, en: string): never {
  throw new ServiceReadError({ zh, en })
}

/**
 * A piece of what a server sent, fit to quote in a message: whitespace collapsed, trimmed, at most
 * `max` characters (an ellipsis marks the cut).
 */
export function quoteServiceText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}

/**
 * What an error answer says, as plain text fit for a notice: the OGC exception's text, an ArcGIS
 * JSON error's message, or the page's text with its tags taken out; at most 160 characters.
 */
export function serviceErrorText(body: string): string {
  const own =
    /<(?:\w+:)?(ServiceException|ExceptionText)[^>]*>([\s\S]*?)<\/(?:\w+:)?\1>/i.exec(body)?.[2] ??
    /"message"\s*:\s*"([^"]*)"/.exec(body)?.[1]
  return quoteServiceText((own ?? body).replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<[^>]*>/g, ' '), 160)
}
