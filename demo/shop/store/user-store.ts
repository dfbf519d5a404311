/** Who is signed in (a demo: no password check), kept in localStorage. */

const KEY = 'demo-shop-user'

export interface ShopUser {
  userId: string
  email: string
  name: string
}

export function currentUser(): ShopUser | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as ShopUser | null
    return parsed && typeof parsed.userId === 'string' ? parsed : undefined
  } catch {
    return undefined
  }
}

/** A stable id derived from the email, as a shop's database id would be. */
export function userIdFor(email: string): string {
  let hash = 0
  for (const char of email.trim().toLowerCase()) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return `user_${(hash >>> 0).toString(36)}`
}

export function signIn(email: string): ShopUser {
  const clean = email.trim().toLowerCase()
  const name = clean.split('@')[0].replace(/[._-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
  const user = { userId: userIdFor(clean), email: clean, name }
  localStorage.setItem(KEY, JSON.stringify(user))
  return user
}

export function signOut(): void {
  localStorage.removeItem(KEY)
}
