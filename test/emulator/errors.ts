// Errors in the exact shapes Google answers with: the Admin SDK JSON envelope for API calls, and the
// OAuth `{error, error_description}` form for the token endpoint.

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    errors: { domain: string; reason: string; message: string; location?: string; locationType?: string }[];
    status: string;
  };
}

const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'INVALID_ARGUMENT',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** An API failure; the server turns it into Google's JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly domain = 'global',
  ) {
    super(message);
  }

  toBody(): GoogleErrorBody {
    const status = STATUS_BY_CODE[this.code] ?? 'UNKNOWN';
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: [{ domain: this.domain, reason: this.reason, message: this.message }],
        status,
      },
    };
  }
}

export const badRequest = (message: string, reason = 'invalid'): ApiError => new ApiError(400, reason, message);
export const notFound = (message: string): ApiError => new ApiError(404, 'notFound', message);
export const forbidden = (message = 'Not Authorized to access this resource/api'): ApiError => new ApiError(403, 'forbidden', message);

/** Failure of the OAuth endpoints (`/token`, `/revoke`): `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }

  toBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
