/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie
 * (HTTP-only, sent by the browser) and the CSRF token in a header on every state-changing request.
 * Errors arrive as `{code, message}` with a Chinese message and are thrown as ApiError.
 */
import type {
  RouteMap,
  RouteName,
  RouteRequest,
  RouteResponse,
} from '../../../src/contract/routes/index.ts';
import { CSRF_HEADER } from '../../../src/contract/session.ts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The readable cookie the server also sets with the token (README of src/contract). */
const CSRF_COOKIE = 'zj_csrf';
let csrfToken: string | null = null;

/** The server hands the token out at sign-in / session fetch; a readable cookie is the fallback. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

function readCsrf(): string | null {
  if (csrfToken) return csrfToken;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === CSRF_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => undefined;
/** The session provider registers what a 401 does (back to the sign-in page). */
export function setUnauthorizedHandler(fn: Unauthorized): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

/** '/api/leads' + {page: 2, status: ['待研判']} → '/api/leads?page=2&status=待研判'. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
    else params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = `请求失败（${res.status}）`;
  try {
    const body = (await res.json()) as {
      code?: string;
      message?: string;
      error?: { code?: string; message?: string };
    };
    const e = body.error ?? body;
    if (e.code) code = e.code;
    if (e.message) message = e.message;
  } catch {
    if (res.status === 404) message = '未找到，或无权查看';
    else if (res.status >= 500) message = '服务器出错，请稍后重试';
    else if (res.status === 413) message = '文件过大，已被拒绝';
  }
  return new ApiError(code, message, res.status);
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = readCsrf();
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('NETWORK', '无法连接服务器，请检查网络', 0);
  }
  if (res.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized();
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** Every call names a route of the contract (`call`); no untyped path helpers. */
export const api = { call };

/** A field the route has no schema for may not be passed; an optional one may be left out. */
type Field<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: never }
  : undefined extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What a call to route N sends, typed by the contract's route table (multipart: a FormData). */
export type CallInput<N extends RouteName> = Field<'params', RouteRequest<N>['params']> &
  Field<'query', RouteRequest<N>['query']> &
  (RouteMap[N] extends { produces: 'multipart' }
    ? { body: FormData }
    : Field<'body', RouteRequest<N>['body']>);

/** Routes that answer JSON, the ones `call` may name. */
export type JsonRouteName = {
  [N in RouteName]: [RouteResponse<N>] extends [never] ? never : N;
}[RouteName];
/** Routes that answer a file (Excel, model file), the ones `downloadRoute` may name. */
export type FileRouteName = {
  [N in RouteName]: RouteMap[N] extends { produces: 'xlsx' | 'docx' | 'yaml' | 'file' } ? N : never;
}[RouteName];

/** Routes that take a multipart upload. */
export type UploadRouteName = {
  [N in RouteName]: RouteMap[N] extends { produces: 'multipart' } ? N : never;
}[RouteName];

/** `PATCH /api/units/:id` + {id: 'a/b'} → ['PATCH', '/api/units/a%2Fb']. */
export function routeUrl(name: RouteName, params?: Record<string, string>): [string, string] {
  const space = name.indexOf(' ');
  const method = name.slice(0, space);
  const path = name.slice(space + 1).replace(/:(\w+)/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined) throw new Error(`缺少网址参数 ${key}（${name}）`);
    return encodeURIComponent(value);
  });
  return [method, path];
}

type Args<N extends RouteName> =
  object extends CallInput<N>
    ? [input?: CallInput<N>, signal?: AbortSignal]
    : [input: CallInput<N>, signal?: AbortSignal];

/**
 * Calls route N of the contract: params, query and body are typed by its schemas and the answer by
 * its response schema, so no call site restates a type.
 */
export function call<N extends JsonRouteName>(
  name: N,
  ...[input, signal]: Args<N>
): Promise<RouteResponse<N>> {
  const i = (input ?? {}) as { params?: Record<string, string>; query?: unknown; body?: unknown };
  const [method, path] = routeUrl(name, i.params);
  return request<RouteResponse<N>>(method, path, {
    query: i.query as Query | undefined,
    body: i.body,
    signal,
  });
}

/** Downloads the file route N renders (see `download`). */
export function downloadRoute<N extends FileRouteName>(
  name: N,
  input: CallInput<N>,
  fallbackName: string,
): Promise<void> {
  const i = input as { params?: Record<string, string>; query?: unknown; body?: unknown };
  const [method, path] = routeUrl(name, i.params);
  return download(method as 'GET' | 'POST', path, {
    query: i.query as Query | undefined,
    body: i.body,
    fallbackName,
  });
}

/**
 * Downloads a file the server renders (Excel exports, templates, reports) through fetch, so the
 * CSRF header and error messages work the same as for JSON; the browser then saves the blob.
 */
async function download(
  method: 'GET' | 'POST',
  path: string,
  options: { query?: Query; body?: unknown; fallbackName?: string } = {},
): Promise<void> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    const token = readCsrf();
    if (token) headers[CSRF_HEADER] = token;
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1]
    ? decodeURIComponent(star[1])
    : (plain?.[1] ?? options.fallbackName ?? 'download.xlsx');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Uploads one file as multipart `files` with XMLHttpRequest, the one browser API that reports
 * upload progress (fetch does not); `onProgress` gets 0–100. Same CSRF header and errors as `api`.
 */
export function uploadFile<N extends UploadRouteName>(
  name: N,
  file: Blob & { name: string },
  onProgress: (percent: number) => void,
): Promise<RouteResponse<N>> {
  type T = RouteResponse<N>;
  const [method, path] = routeUrl(name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readCsrf();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '无法连接服务器，请检查网络', 0));
    xhr.onload = () => {
      if (xhr.status === 401) onUnauthorized();
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300)
        void res.json().then((b) => resolve(b as T), reject);
      else void toError(res).then(reject);
    };
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}
