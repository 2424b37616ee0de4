export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly text: string;
}

type Token = (() => Promise<string>) | null;

/** A tiny HTTP client for one caller (a token source, or none). */
export class ApiClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly token: Token,
  ) {}

  async get(path: string): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (this.token) headers['authorization'] = `Bearer ${await this.token()}`;
    const response = await fetch(`${this.baseUrl()}${path}`, { headers });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  /** The raw response, for reading a streamed body at one's own pace. */
  async stream(path: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers['authorization'] = `Bearer ${await this.token()}`;
    return fetch(`${this.baseUrl()}${path}`, { headers });
  }
}

/** `?a=1&b=2` of the defined values. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][];
  return defined.length === 0
    ? ''
    : `?${new URLSearchParams(defined.map(([k, v]): [string, string] => [k, String(v)]))}`;
}
