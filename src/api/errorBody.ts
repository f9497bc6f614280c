// Reading Google's error envelope (and whatever a proxy in between may send instead).

interface GoogleErrorBody {
  error?:
    | string
    | {
        code?: number;
        message?: string;
        status?: string;
        errors?: { reason?: string; message?: string; domain?: string }[];
        details?: { '@type'?: string; reason?: string }[];
      };
  error_description?: string;
}

/** Google's error body: `{ error: { code, message, errors: [{ reason, message }], status, details } }`. */
export function parseGoogleError(text: string): { reason?: string; message?: string } {
  if (!text) return {};
  let parsed: GoogleErrorBody;
  try {
    parsed = JSON.parse(text) as GoogleErrorBody;
  } catch {
    // An HTML page from a proxy or load balancer: keep a short, single-line excerpt.
    const excerpt = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200);
    return { message: excerpt || undefined };
  }
  const e = parsed.error;
  if (typeof e === 'string') return { reason: e, message: parsed.error_description };
  if (!e) return {};
  const first = e.errors?.[0];
  const info = e.details?.find((d) => d.reason !== undefined);
  return { reason: first?.reason ?? info?.reason ?? e.status, message: e.message ?? first?.message };
}
