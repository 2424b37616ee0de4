/** One answer as a browser sees it before following a redirect. */
export interface Visit {
  readonly status: number;
  readonly headers: Headers;
  /** The Location header, resolved against the request URL; null when there is none. */
  readonly location: string | null;
  readonly body: string;
}

/**
 * e2e tests: a browser reduced to what the authorization pages need: one origin's cookies
 * (set, replaced, removed by Max-Age=0; Path is not checked, all live under /oauth/authorize),
 * redirects left to the test, and forms posted url-encoded.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  get(pathOrUrl: string): Promise<Visit> {
    return this.visit(pathOrUrl, { method: 'GET' });
  }

  post(path: string, form: Record<string, string>): Promise<Visit> {
    return this.visit(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  private async visit(pathOrUrl: string, init: RequestInit): Promise<Visit> {
    const url = new URL(pathOrUrl, this.origin);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) };
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keep(line);
    const location = response.headers.get('location');
    return {
      status: response.status,
      headers: response.headers,
      location: location === null ? null : new URL(location, url).toString(),
      body: await response.text(),
    };
  }

  private keep(setCookie: string): void {
    const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
    const [name, value] = pair.split('=', 2);
    if (attributes.some((a) => a.toLowerCase() === 'max-age=0')) this.cookies.delete(name);
    else this.cookies.set(name, value ?? '');
  }
}
