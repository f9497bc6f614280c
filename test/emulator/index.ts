// Public entry point of the CBCM API emulator (see README.md).
export { Emulator, type EmulatorOptions } from './emulator';
export type { Faults, CannedFailure } from './faults';
export type { Fleet, FleetBrowser, FleetToken, EmuUser } from './fleet';
export type { ServiceAccountKey } from './context';
export type { LoggedRequest } from './requestLog';
export type { OAuthClient } from './oauthState';
export { SCOPES } from './auth';
export { GOOGLE_TOKEN_URL } from './oauthToken';
export { PAGE_TOKEN_EXPIRED_MESSAGE } from './pageTokens';
export { redirectTokenUrlFetch } from './googleAuthRedirect';
