/**
 * Test helper: checks an OpenAPI 3.1 document's structure and that a
 * response conforms to the schema the document declares for it. JSON Schema
 * checking is Zod's own `z.fromJSONSchema`, after inlining `$ref`s.
 */
import { z } from 'zod';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePointer(document: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let node: Json = document;
  for (const part of ref.slice(2).split('/')) {
    if (!isObject(node) || !(part in node)) throw new Error(`Unresolvable $ref ${ref}`);
    node = node[part] ?? null;
  }
  return node;
}

/** The schema with every `$ref` replaced by what it points to. */
export function inlineRefs(document: JsonObject, node: Json, seen: readonly string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(document, item, seen));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) throw new Error(`Recursive $ref ${ref}`);
    return inlineRefs(document, resolvePointer(document, ref), [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineRefs(document, value, seen)]));
}

/** Problems with the document's structure as OpenAPI 3.1 (empty when none). */
export function openApi31Problems(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ['the document is not an object'];
  if (typeof document.openapi !== 'string' || !/^3\.1\.\d+$/.test(document.openapi)) problems.push('openapi must be 3.1.x');
  const info = document.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') problems.push('info needs title and version');
  const paths = document.paths;
  if (!isObject(paths)) return [...problems, 'paths must be an object'];
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/')) problems.push(`path ${path} must begin with /`);
    if (!isObject(item)) {
      problems.push(`path ${path} must be an object`);
      continue;
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.includes(method)) problems.push(`${path}: unknown method ${method}`);
      if (!isObject(operation) || !isObject(operation.responses) || Object.keys(operation.responses).length === 0) {
        problems.push(`${method} ${path}: responses are required`);
        continue;
      }
      for (const status of Object.keys(operation.responses)) {
        if (!/^[1-5](\d\d|XX)$|^default$/.test(status)) problems.push(`${method} ${path}: bad status ${status}`);
      }
      const declared = Array.isArray(operation.parameters)
        ? operation.parameters
            .filter(isObject)
            .filter((p) => p.in === 'path')
            .map((p) => String(p.name))
        : [];
      for (const name of templated) if (!declared.includes(name ?? '')) problems.push(`${method} ${path}: path parameter ${name} is not declared`);
      for (const p of Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : []) {
        if (p.in === 'path' && p.required !== true) problems.push(`${method} ${path}: path parameter ${String(p.name)} must be required`);
      }
    }
  }
  // Every $ref resolves and every component schema is a JSON Schema Zod can compile.
  try {
    const inlined = inlineRefs(document, document);
    const schemas = isObject(inlined) && isObject(inlined.components) && isObject(inlined.components.schemas) ? inlined.components.schemas : {};
    for (const [name, schema] of Object.entries(schemas)) {
      try {
        z.fromJSONSchema(schemaForZod(schema));
      } catch (error) {
        problems.push(`components.schemas.${name}: ${String(error)}`);
      }
    }
  } catch (error) {
    problems.push(String(error));
  }
  return problems;
}

/** `fromJSONSchema` takes JSON Schema; OpenAPI 3.1 schemas are JSON Schema 2020-12. */
function schemaForZod(schema: Json): Exclude<Parameters<typeof z.fromJSONSchema>[0], boolean> {
  if (!isObject(schema)) throw new Error('A schema must be an object');
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema };
}

function pathMatches(template: string, path: string): boolean {
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return pattern.test(path);
}

/**
 * Checks a response against the document: the path and method exist, the
 * status is declared, and the JSON body matches its schema. Throws saying what differs.
 */
export async function assertConforms(document: JsonObject, method: string, url: string, response: Response): Promise<unknown> {
  const path = new URL(url, 'http://localhost').pathname;
  const paths = isObject(document.paths) ? document.paths : {};
  const template = Object.keys(paths).find((candidate) => {
    const item = paths[candidate];
    return pathMatches(candidate, path) && isObject(item) && method.toLowerCase() in item;
  });
  if (!template) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const item = paths[template];
  const operation = isObject(item) ? item[method.toLowerCase()] : null;
  const responses = isObject(operation) && isObject(operation.responses) ? operation.responses : {};
  const declared = responses[String(response.status)];
  if (!isObject(declared)) throw new Error(`${method} ${template} does not declare status ${response.status}`);
  const content = isObject(declared.content) ? declared.content['application/json'] : null;
  const schema = isObject(content) ? content.schema : null;
  const body: unknown = await response.clone().json();
  if (!isObject(schema)) throw new Error(`${method} ${template} ${response.status} declares no JSON body`);
  const parsed = z.fromJSONSchema(schemaForZod(inlineRefs(document, schema))).safeParse(body);
  if (!parsed.success) throw new Error(`${method} ${template} ${response.status} does not conform: ${z.prettifyError(parsed.error)}`);
  return body;
}
