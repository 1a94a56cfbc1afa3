import { readFileSync } from 'node:fs'

/** Minimum length of a new password (等保 2.0 三级 asks for complexity; length beats character classes). */
export const MIN_PASSWORD_LENGTH = 10

/** Maximum length: argon2 takes any, but a megabyte "password" is a cheap way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256

let common: ReadonlySet<string> | undefined
/** The common-password list shipped beside this file (lower case), read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== '' && !l.startsWith('#')),
  )
  return common
}

/**
 * 密码策略 — why `password` may not be the new password of `username`, or undefined when it may: at least
 * {@link MIN_PASSWORD_LENGTH} characters, not the username (nor the username reversed or contained in it),
 * not one character repeated, not in the common-password list, and none of `known` (the demo password).
 */
export function passwordProblem(password: string, username: string, known: readonly string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  const lower = password.toLowerCase()
  const name = username.toLowerCase()
  if (name.length >= 3 && (lower.includes(name) || lower.includes([...name].reverse().join('')))) return 'must not contain the username'
  if (new Set(lower).size === 1) return 'must not be one character repeated'
  if (commonPasswords().has(lower)) return 'is a commonly used password; choose another'
  if (known.some((k) => k.toLowerCase() === lower)) return 'is a published demo password; choose another'
  return undefined
}
