// URL paths of the Directory API. Every variable segment is URL-encoded here, once.

export const BETA = '/admin/directory/v1.1beta1/customer';
export const V1 = '/admin/directory/v1/customer';

/**
 * One encoded path segment. encodeURIComponent keeps "." and "..", which URL normalisation would then drop or
 * climb; ids are checked before (validation.ts `requireId`), and this refuses them as the last guard.
 */
export function seg(value: string): string {
  if (value === '' || value === '.' || value === '..') throw new RangeError(`refusing to build a URL path segment from ${JSON.stringify(value)}`);
  return encodeURIComponent(value);
}

export function browsersPath(customerId: string): string {
  return `${BETA}/${seg(customerId)}/devices/chromebrowsers`;
}

export function tokensPath(customerId: string): string {
  return `${BETA}/${seg(customerId)}/chrome/enrollmentTokens`;
}

export function orgUnitsPath(customerId: string): string {
  return `${V1}/${seg(customerId)}/orgunits`;
}
