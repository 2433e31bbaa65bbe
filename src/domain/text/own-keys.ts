/**
 * Property names are data: a column called `constructor`, `__proto__` or `hasOwnProperty` is as good
 * a name as `name`. Plain-object lookups (`obj[key]`, `key in obj`) see Object.prototype's members,
 * and assignment to `__proto__` changes the prototype instead of storing a value; these helpers read
 * and write own properties only.
 *
 * MapLibre copies feature properties to its worker with its own serializer, which reads
 * `value.constructor` and calls `value.hasOwnProperty(key)`: a feature whose properties hold such a
 * key makes the whole source fail ("can't serialize object of unregistered class"). So names that
 * clash are escaped on the way to MapLibre and unescaped on the way back (picking).
 */

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function ownValue(object: object | null | undefined, key: string): unknown {
  return object != null && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined
}

/** Stores `value` under `key` as an own property, even for `__proto__`. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true })
}

/** A plain record built from pairs, own keys only (Object.fromEntries defines, never assigns). */
export function recordFromEntries(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries) as Record<string, unknown>
}

const ESCAPE = '\u241f' // ␟ SYMBOL FOR UNIT SEPARATOR: never typed in a column name by accident
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), '$name'])

function needsEscape(key: string): boolean {
  return RESERVED.has(key) || key.startsWith(ESCAPE)
}

/** A property name as MapLibre holds it (escaped when it clashes): what a ['get', name] expression must name. */
export function mapSafeKey(key: string): string {
  return needsEscape(key) ? ESCAPE + key : key
}

/** True when the properties hold a name MapLibre's worker transfer cannot carry as it is. */
export function hasUnsafeKey(properties: object | null | undefined): boolean {
  return properties != null && Object.keys(properties).some(needsEscape)
}

/** Properties with clashing names escaped, for MapLibre; the same object when nothing clashes. */
export function toMapSafeProperties<T extends object | null>(properties: T): T {
  if (!properties || !hasUnsafeKey(properties)) return properties
  return recordFromEntries(
    Object.entries(properties).map(([key, value]) => [needsEscape(key) ? ESCAPE + key : key, value]),
  ) as T
}

/** The inverse of toMapSafeProperties: the names as the file had them. */
export function fromMapSafeProperties(properties: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(properties).some((key) => key.startsWith(ESCAPE))) return properties
  return recordFromEntries(
    Object.entries(properties).map(([key, value]) => [key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key, value]),
  )
}

/** A collection MapLibre can take: the same object unless some feature has a clashing name. */
export function toMapSafeCollection<T extends { features: { properties: object | null }[] }>(collection: T): T {
  if (!collection.features.some((f) => hasUnsafeKey(f.properties))) return collection
  return {
    ...collection,
    features: collection.features.map((f) => ({ ...f, properties: toMapSafeProperties(f.properties) })),
  }
}
