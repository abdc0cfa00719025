// Local-mode sign-in: pick a directory contact, get a signed token. It exists only in local mode;
// in AWS, Cognito signs staff in and API Gateway's JWT authorizer checks the token.
import { jwtVerify, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { knownPerson, type Directory } from '../core/directory/directory.ts';

// A new key per run: tokens from an earlier run stop working, as they should.
const key = randomBytes(32);
const ISSUER = 'concern-intake-local-dev';
/** As short-lived as the app client's ID tokens in AWS (infra/constructs/auth.ts): the portal refreshes them. */
export const DEV_ID_TOKEN_SECONDS = 30 * 60;

/** A token for anyone the current directory knows (team staff, out-of-hours staff, administrators), else null. */
export async function signIn(directory: Directory, email: string): Promise<string | null> {
  if (!knownPerson(directory, email)) return null;
  // The dev sign-in vouches for the email as Cognito does for a verified one; what the person may see is decided
  // by the directory at each request, as in AWS.
  return new SignJWT({ email: email.toLowerCase(), email_verified: true })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(email.toLowerCase())
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${DEV_ID_TOKEN_SECONDS}s`)
    .sign(key);
}

/** The claims as API Gateway's JWT authorizer hands them to the function: every value a string. */
export async function verifyDevToken(token: string): Promise<Record<string, string> | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER });
    return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, String(v)]));
  } catch {
    return null;
  }
}
