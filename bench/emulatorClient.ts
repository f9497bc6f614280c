// The production API client pointed at an in-process emulator, as the extension builds it (minus sign-in).
import { Emulator, SCOPES } from '../test/emulator';
import { createDirectoryBetaBackend, type AccessTokenSource, type CbcmBackend } from '../src/api';

export function tokenSourceFor(emu: Emulator): AccessTokenSource {
  const token = emu.issueAccessToken([SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]);
  return { getAccessToken: async () => token };
}

export function clientFor(emu: Emulator): CbcmBackend & { dispose(): void } {
  return createDirectoryBetaBackend({ baseUrl: emu.url, customerId: emu.customerId, tokenSource: tokenSourceFor(emu) });
}
