// CbcmBackend over the Admin SDK Directory API v1.1beta1 (browsers, enrollment tokens) and v1 (org units).
// Composes the transport with one small module per resource; holds no state besides the connection pool.
import { BrowsersApi } from './browsers';
import { ComposedBackend, transportSettings, type ClientTransportOptions } from './composedBackend';
import { HttpTransport } from './http';
import { canReadUsers, UserEmails } from './userEmails';
import { MoveApi } from './move';
import { OrgUnitsApi } from './orgUnits';
import { TokensApi } from './tokens';

export interface DirectoryBetaClientOptions extends ClientTransportOptions {
  /** Default https://admin.googleapis.com (the emulator's URL in tests). */
  baseUrl?: string;
}

export const DEFAULT_BASE_URL = 'https://admin.googleapis.com';
export const DIRECTORY_BETA_BACKEND_ID = 'directory-v1.1beta1';

export class DirectoryBetaClient extends ComposedBackend {
  readonly id = DIRECTORY_BETA_BACKEND_ID;
  private readonly http: HttpTransport;
  protected readonly browsers: BrowsersApi;
  protected readonly tokens: TokensApi;
  protected readonly orgUnits: OrgUnitsApi;
  protected readonly mover: MoveApi;

  constructor(options: DirectoryBetaClientOptions) {
    super(options.customerId, options.limiter);
    this.http = new HttpTransport({ ...transportSettings(options), baseUrl: options.baseUrl ?? DEFAULT_BASE_URL });
    const restarts = options.maxPageRestarts ?? 3;
    this.browsers = new BrowsersApi(this.http, this.customerId, restarts, options.log);
    this.tokens = new TokensApi(this.http, this.customerId, restarts, options.log);
    this.orgUnits = new OrgUnitsApi(this.http, this.customerId);
    this.mover = new MoveApi(this.http, this.customerId);
    if (canReadUsers(options.grantedScopes ?? [])) this.userEmails = new UserEmails(this.http, options.log);
  }

  dispose(): void {
    this.http.dispose();
  }
}
