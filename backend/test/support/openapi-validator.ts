import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Json }> }> }>>; components: { schemas: Record<string, Json> } };

const BASE = 'tessera://schemas/';

/** Copies `schema`, pointing its refs at the ids the validator knows and closing every object to fields it does not list. */
function prepare(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(prepare);
  if (!node || typeof node !== 'object') return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') copy.$ref = value.replace('#/components/schemas/', BASE);
    else if (key === 'properties' || key === 'patternProperties') copy[key] = Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, prepare(schema)]));
    else copy[key] = prepare(value);
  }
  // Strict about the answers: a field the document does not describe is an error too.
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

/**
 * Validates answers against the OpenAPI 3.1 document with Ajv's JSON Schema 2020-12 validator in
 * strict mode (unknown keywords and formats are errors; the only OpenAPI keyword added is
 * `example`), formats checked by ajv-formats.
 */
export function createResponseValidator(document: Document) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example' });
  for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema({ ...(prepare(schema) as Json), $id: `${BASE}${name}` });

  return (method: string, path: string, status: number, body: unknown): string[] => {
    const operation = document.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${path} answered ${status}, which the document does not list (it lists ${Object.keys(operation.responses).join(', ')})`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined || body === '' ? [] : [`${method} ${path} ${status} has a body but no schema`];
    const validate = ajv.compile(prepare(schema) as Json);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${method} ${path} ${status}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`);
  };
}
