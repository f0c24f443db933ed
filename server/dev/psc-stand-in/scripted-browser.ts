/** Test helper: just enough of a browser (cookies, manual redirects, form posts) to drive the login pages. */

interface StoredCookie {
  host: string;
  name: string;
  value: string;
  path: string;
}

export interface Visit {
  /** Where the navigation stopped. */
  url: URL;
  /** The final page, or null when navigation stopped at `stopAt` without loading it. */
  response: Response | null;
}

function parseSetCookie(header: string, requestUrl: URL): { cookie: StoredCookie; expired: boolean } | undefined {
  const [pair = '', ...attributes] = header.split(';').map((p) => p.trim());
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  let path = '/';
  let expired = false;
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=');
    const name = key.toLowerCase();
    if (name === 'path' && value.startsWith('/')) path = value;
    if (name === 'max-age' && Number(value) <= 0) expired = true;
    if (name === 'expires' && Date.parse(value) <= Date.now()) expired = true;
  }
  return { cookie: { host: requestUrl.host, name: pair.slice(0, eq), value: pair.slice(eq + 1), path }, expired };
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  const prefix = cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`;
  return requestPath.startsWith(prefix);
}

export class ScriptedBrowser {
  #cookies: StoredCookie[] = [];

  async request(url: URL, form?: Record<string, string>): Promise<Response> {
    const headers = new Headers();
    const cookie = this.#cookies
      .filter((c) => c.host === url.host && pathMatches(c.path, url.pathname))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    for (const header of response.headers.getSetCookie()) this.#store(header, url);
    return response;
  }

  /** Loads `start` (posting `form` if given) and follows redirects, stopping before any URL that begins with `stopAt`. */
  async navigate(start: URL | string, options: { form?: Record<string, string>; stopAt?: string } = {}): Promise<Visit> {
    let url = new URL(start);
    let response = await this.request(url, options.form);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url, response };
      await response.body?.cancel();
      url = new URL(location, url);
      if (options.stopAt && url.href.startsWith(options.stopAt)) return { url, response: null };
      response = await this.request(url);
    }
    throw new Error(`too many redirects, last at ${url.href}`);
  }

  #store(header: string, requestUrl: URL): void {
    const parsed = parseSetCookie(header, requestUrl);
    if (!parsed) return;
    const { cookie, expired } = parsed;
    this.#cookies = this.#cookies.filter((c) => !(c.host === cookie.host && c.name === cookie.name && c.path === cookie.path));
    if (!expired) this.#cookies.push(cookie);
  }
}
