import { z } from 'zod';
import { ErrorBody } from '../contract/common.ts';
import { ROUTES } from '../contract/routes/index.ts';

function schema(s: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  yaml: 'application/yaml',
  sse: 'text/event-stream',
  file: 'application/octet-stream',
} as const;

/** The OpenAPI 3 document, generated from the contract's route list and zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of ROUTES) {
    const path = def.path.replace(/:(\w+)/g, '{$1}');
    const declared = def.params
      ? ((schema(def.params, 'input') as { properties?: Record<string, unknown> }).properties ?? {})
      : {};
    const parameters: unknown[] = [...def.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: declared[m[1] ?? ''] ?? { type: 'string' },
    }));
    if (def.query) {
      const q = schema(def.query, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, s] of Object.entries(q.properties ?? {})) {
        parameters.push({
          name,
          in: 'query',
          required: q.required?.includes(name) ?? false,
          schema: s,
        });
      }
    }
    const ok =
      def.produces === 'xlsx' ||
      def.produces === 'docx' ||
      def.produces === 'yaml' ||
      def.produces === 'sse' ||
      def.produces === 'file'
        ? { description: '文件', content: { [CONTENT_TYPES[def.produces]]: {} } }
        : {
            description: '成功',
            content: {
              'application/json': { schema: def.response ? schema(def.response, 'output') : {} },
            },
          };
    const operation: Record<string, unknown> = {
      summary: def.summary,
      'x-access': def.access,
      parameters,
      responses: {
        200: ok,
        default: {
          description: '错误',
          content: { 'application/json': { schema: schema(ErrorBody, 'output') } },
        },
      },
    };
    if (def.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schema(def.body, 'input') } },
      };
    } else if (def.produces === 'multipart') {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
            },
          },
        },
      };
    }
    (paths[path] ??= {})[def.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '执检 API',
      version: '0.1.0',
      description: '民事执行检察监督平台接口；错误均为 {code, message}。',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'zj_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
