// URL paths of the Directory API. Every variable segment is URL-encoded here, once.

export const BETA = '/admin/directory/v1.1beta1/customer';
export const V1 = '/admin/directory/v1/customer';

export function seg(value: string): string {
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
