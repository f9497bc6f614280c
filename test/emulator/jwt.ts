// Verification of the RS256 JWT assertions service accounts send to the token endpoint.
import { createVerify, type KeyObject } from 'node:crypto';

export interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string;
  scope?: string;
  iat?: number;
  exp?: number;
  [claim: string]: unknown;
}

export type JwtCheck = { ok: true; claims: JwtClaims } | { ok: false; description: string };

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks structure, algorithm and signature (not the claims). */
export function verifyJwtSignature(assertion: string, publicKey: KeyObject): JwtCheck {
  const parts = assertion.split('.');
  if (parts.length !== 3) return { ok: false, description: 'Invalid JWT: malformed assertion (expected header.payload.signature).' };
  const header = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (!header || !claims) return { ok: false, description: 'Invalid JWT: the header or payload is not base64url JSON.' };
  if (header.alg !== 'RS256') return { ok: false, description: `Invalid JWT: unsupported algorithm ${String(header.alg)}; use RS256.` };
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${parts[0]}.${parts[1]}`);
  if (!verifier.verify(publicKey, Buffer.from(parts[2], 'base64url'))) return { ok: false, description: 'Invalid JWT Signature.' };
  return { ok: true, claims: claims };
}

/** Google's exp/iat rule: a lifetime of at most one hour, within a small clock skew of now. */
export function checkJwtTimes(claims: JwtClaims, nowMs: number, skewSeconds = 300): boolean {
  const now = Math.floor(nowMs / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  if (exp <= iat || exp - iat > 3600) return false;
  if (iat > now + skewSeconds) return false;
  if (exp < now - skewSeconds) return false;
  return true;
}
