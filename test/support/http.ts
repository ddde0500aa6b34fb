/**
 * A tiny cookie-keeping HTTP client for API tests: one instance is one
 * browser, so sessions behave as they do for users.
 */
export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * fetch, tried a second time when a pooled keep-alive socket turns out to
 * have been closed by a server that a test stopped and started again on the
 * same port (undici reports "other side closed"). Nothing else is retried.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

export class Client {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
    if (this.cookies.size) (init.headers as Record<string, string>).cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array) init.body = body as BodyInit;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const res = await fetchOnce(this.baseUrl + path, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  /** The Cookie header this client sends, for raw fetches (SSE, bytes) as the same browser. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** as if the server had set it (e.g. a session made with createSession) */
  setCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Log in, and when the password is one-time, change it to a known one. */
  async login(username: string, password: string, newPassword = `Testlösen-Åäö-${username.length}-987`): Promise<void> {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
    if (res.body.mustChangePassword) {
      const changed = await this.post('/api/v1/auth/password', { currentPassword: password, newPassword });
      if (changed.status !== 204) throw new Error(`password change ${username}: ${changed.status} ${changed.text}`);
    }
  }
}

export interface JobView {
  status: string;
  progress: number;
  progressNote: string | null;
  error: string | null;
  result: any;
}

/** Poll /api/v1/jobs/:id as the client until the job has finished (succeeded, failed or cancelled) or waits (for a model). */
export async function waitForJob(client: Client, jobId: string, timeoutMs = 60_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/jobs/${jobId}`);
    if (res.status !== 200) throw new Error(`job ${jobId}: HTTP ${res.status} ${res.text}`);
    if (!['queued', 'running'].includes(res.body.status)) return res.body as JobView;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
