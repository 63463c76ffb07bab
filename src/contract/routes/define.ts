import type { z } from 'zod';
import type { Right } from '../rights.ts';

/** Who may call a route: anyone, any signed-in user, or a signed-in user holding the right (`ROLE_RIGHTS`). */
export type RouteAccess = 'public' | 'user' | Right;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Hono-style path under /api (`:id` parameters). */
  path: string;
  /** Schema of the path parameters (every `:name` of `path`), checked before the handler. */
  params?: z.ZodType;
  summary: string;
  access: RouteAccess;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON answer; omitted for files and streams (see `produces`). */
  response?: z.ZodType;
  /**
   * What the route answers with when not JSON; `multipart` = takes a multipart body, answers JSON;
   * `file` = a download of whatever type the file is (attachments, Word documents).
   */
  produces?: 'json' | 'xlsx' | 'yaml' | 'sse' | 'multipart' | 'file' | 'docx';
}

/** Keeps the literal method, path and schemas of a route so its types can be derived from it. */
export function route<const D extends RouteDef>(def: D): D {
  return def;
}

/** `METHOD /api/path`: the one name of a route, used by the handler map and the web client. */
export type NameOf<D extends RouteDef> = `${D['method']} ${D['path']}`;

/** Name → definition, from a tuple of route definitions. */
export type RouteMapOf<T extends readonly RouteDef[]> = { [D in T[number] as NameOf<D>]: D };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the handler receives: params, query and body as parsed by the route's schemas. */
export interface ParsedInput<D extends RouteDef> {
  params: D['params'] extends z.ZodType ? z.output<D['params']> : Record<string, never>;
  query: Out<D['query']>;
  body: Out<D['body']>;
}

/** What a client sends: the schemas' input types (query values before coercion). */
export interface RequestInput<D extends RouteDef> {
  params: In<D['params']>;
  query: In<D['query']>;
  body: In<D['body']>;
}

/** The JSON answer of a route (`never` for files and streams). */
export type ResponseOf<D extends RouteDef> = D['response'] extends z.ZodType
  ? z.output<D['response']>
  : never;
