export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

type Token = (() => Promise<string>) | null;

/** A tiny HTTP client for one caller (a token source, or none). */
export class ApiClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly token: Token,
  ) {}

  get(path: string, headers: Record<string, string> = {}) {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', path, body, headers);
  }

  patch(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request('PATCH', path, body, headers);
  }

  delete(path: string, headers: Record<string, string> = {}) {
    return this.request('DELETE', path, undefined, headers);
  }

  /** `body` as a string is sent as is (e.g. an oversized payload). */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const all: Record<string, string> = { ...headers };
    if (this.token) all['authorization'] = `Bearer ${await this.token()}`;
    if (body !== undefined) all['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl()}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
}
