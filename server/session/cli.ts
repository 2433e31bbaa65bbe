/**
 * `npm run users -- <command>`:
 *   add <name> --role <admin|dispatcher|inspector|handler|viewer> [--township <code or name>]
 *   list | disable <name> | enable <name> | reset-password <name>
 * The password comes from NEW_PASSWORD or a prompt. Every change is audited as `cli:<os user>`.
 */
import { parseArgs } from 'node:util'
import { cliOperator, fail, openForCli, readNewPassword } from '../cli-support'
import { ROLES, type Role } from '../db/schema'
import { PASSWORD_RULES, passwordProblem } from './passwords'
import { createUser, disableUser, enableUser, listUsers, resetPassword, UserError } from './users'

const USAGE = `usage: npm run users -- add <name> --role <role> [--township <code|name>]
       npm run users -- list | disable <name> | enable <name> | reset-password <name>
roles: admin, dispatcher, inspector, handler (needs --township), viewer
password: from NEW_PASSWORD, else a prompt. ${PASSWORD_RULES.en}`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, township: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
})
const [command, name] = positionals
if (values.help || !command) fail(USAGE)
if (command !== 'list' && !name) fail(USAGE)

if (command === 'add' && !ROLES.includes(values.role as Role))
  fail(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`)
// The password is asked for, and checked against the rules, before the database is opened.
const password = command === 'add' || command === 'reset-password' ? await readNewPassword() : ''
const problem = password ? passwordProblem(password, name!) : null
if (problem) fail(`${problem.zh}\n${problem.en}`)

const db = await openForCli()
try {
  switch (command) {
    case 'add': {
      const user = await createUser(
        db.k,
        { name: name!, role: values.role as Role, township: values.township ?? null, password },
        cliOperator(),
      )
      console.log(`added ${user.name} (${user.role}${user.township ? `, ${user.township}` : ''})`)
      break
    }
    case 'list': {
      const users = await listUsers(db.k)
      for (const user of users)
        console.log(
          [
            user.name,
            user.role,
            user.township_name ?? '-',
            user.disabled ? 'disabled' : 'active',
            user.locked_until && new Date(user.locked_until) > new Date() ? 'locked' : '',
          ]
            .join('\t')
            .trimEnd(),
        )
      if (!users.length) console.log('(no users: add the first admin with `npm run users -- add <name> --role admin`)')
      break
    }
    case 'disable':
      await disableUser(db.k, name!, cliOperator())
      console.log(`disabled ${name} (their sessions are ended)`)
      break
    case 'enable':
      await enableUser(db.k, name!, cliOperator())
      console.log(`enabled ${name}`)
      break
    case 'reset-password':
      await resetPassword(db.k, name!, password, cliOperator())
      console.log(`new password set for ${name} (their sessions are ended)`)
      break
    default:
      fail(`unknown command ${command}\n${USAGE}`)
  }
} catch (error) {
  if (error instanceof UserError) {
    await db.close()
    fail(`${error.zh}\n${error.message}`)
  }
  throw error
} finally {
  await db.close()
}
