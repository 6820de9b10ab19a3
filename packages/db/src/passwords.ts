import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const KEY_LENGTH = 64;
const COST = 16384;
const PARAMS: ScryptOptions = { N: COST, r: 8, p: 1 };

/** scrypt on libuv's thread pool: about 60 ms of CPU that no longer holds the event loop. */
function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

const encode = (salt: Buffer, hash: Buffer) => `scrypt$${COST}$8$1$${salt.toString("base64")}$${hash.toString("base64")}`;

function parse(stored: string): { salt: Buffer; expected: Buffer; options: ScryptOptions } | null {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return null;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(options).every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { salt: Buffer.from(salt, "base64"), expected: Buffer.from(hash, "base64"), options };
}

/**
 * scrypt (node:crypto) with a random salt, on libuv's thread pool; the stored string carries its parameters. Never
 * inside a transaction: the users resource hashes in `prepareInput`, before it.
 */
export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(password, salt, KEY_LENGTH, PARAMS));
}

/** Does the password match the stored hash? scrypt off the event loop (the login procedure). */
export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  return timingSafeEqual(parsed.expected, await scryptAsync(password, parsed.salt, parsed.expected.length, parsed.options));
}
