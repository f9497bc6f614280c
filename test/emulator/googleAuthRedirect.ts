// google-auth-library's service-account `JWT` always posts to https://oauth2.googleapis.com/token
// (and signs that as `aud`); this Gaxios fetch implementation sends that URL to the emulator instead.
// Use: new JWT({ ..., transporterOptions: { fetchImplementation: redirectTokenUrlFetch(emu.tokenUrl) } }).
import { GOOGLE_TOKEN_URL } from './oauthToken';

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function redirectTokenUrlFetch(tokenUrl: string, inner: FetchLike = fetch): FetchLike {
  return (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return inner(href === GOOGLE_TOKEN_URL ? tokenUrl : input, init);
  };
}
