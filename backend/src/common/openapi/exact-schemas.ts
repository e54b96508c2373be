import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  nullable?: boolean;
};

/** What a DTO's class-validator decorators say about each of its fields. */
interface DtoRules {
  /** Fields that may be left out: @IsOptional, or a @ValidateIf that skips an absent value. */
  optional: Set<string>;
  /** The JSON type the validators imply, for fields whose TypeScript type says nothing (`string | null`). */
  types: Map<string, string>;
}

const TYPE_OF_VALIDATOR: Record<string, string> = {
  isString: 'string',
  isIso8601: 'string',
  isDateString: 'string',
  isEmail: 'string',
  isUrl: 'string',
  isUuid: 'string',
  isIp: 'string',
  isInt: 'integer',
  isNumber: 'number',
  isBoolean: 'boolean',
  isArray: 'array',
};

/** Class name -> rules, for every class that has class-validator metadata (the DTOs). */
function dtoRules(): Map<string, DtoRules> {
  const storage = getMetadataStorage();
  // class-validator keeps its metadata by target class; its list of targets is not public API.
  const targets = [...((storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas?.keys() ?? [])];
  const rules = new Map<string, DtoRules>();
  for (const target of targets) {
    if (typeof target !== 'function') continue;
    const metadata: ValidationMetadata[] = storage.getTargetValidationMetadatas(target, '', true, false);
    const entry: DtoRules = { optional: new Set(), types: new Map() };
    for (const item of metadata) {
      if (item.type === 'conditionalValidation') entry.optional.add(item.propertyName);
      const type = item.name ? TYPE_OF_VALIDATOR[item.name] : undefined;
      if (type && !item.each) {
        // isInt is narrower than the number TypeScript reports; otherwise the first word wins.
        if (!entry.types.has(item.propertyName) || type === 'integer') entry.types.set(item.propertyName, type);
      }
    }
    rules.set(target.name, entry);
  }
  return rules;
}

const isUntyped = (schema: Schema) =>
  (schema.type === undefined || (schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined)) &&
  !schema.$ref && !schema.allOf && !schema.anyOf && !schema.oneOf && !schema.enum;

/**
 * Makes request schemas say what the validators enforce: a field is required unless it is
 * @IsOptional (or skipped by @ValidateIf when absent), and a field typed `string | null` in
 * TypeScript (which reflects as Object) gets the type its validators imply.
 */
export function applyValidatorRules(schemas: Record<string, Schema>): void {
  const rules = dtoRules();
  for (const [name, schema] of Object.entries(schemas)) {
    const rule = rules.get(name);
    if (!rule || !schema.properties) continue;
    const required = Object.keys(schema.properties).filter((field) => !rule.optional.has(field));
    if (required.length > 0) schema.required = required;
    else delete schema.required;
    for (const [field, property] of Object.entries(schema.properties)) {
      // Generators take a `default` as "always present" (openapi-typescript types such a field as
      // required), so an optional request field keeps its default in words instead.
      if (rule.optional.has(field) && property.default !== undefined) {
        const text = `Default: ${JSON.stringify(property.default)}.`;
        property.description = property.description ? `${String(property.description).replace(/\.?$/, '.')} ${text}` : text;
        delete property.default;
      }
      const type = rule.types.get(field);
      if (!type) continue;
      if (isUntyped(property) || (type === 'integer' && property.type === 'number')) property.type = type;
    }
  }
}

/**
 * OpenAPI 3.1 nullability everywhere: `nullable: true` (Nest's 3.0 habit) becomes `type: [T, "null"]`
 * (with `null` in an `enum`), and a nullable reference becomes `anyOf: [ref, {type: "null"}]`
 * instead of an allOf wrapper a strict validator would refuse `null` against.
 */
export function toNullableTypes(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(toNullableTypes);
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  for (const value of Object.values(schema)) toNullableTypes(value);
  if (schema.nullable === undefined) return;
  const nullable = schema.nullable;
  delete schema.nullable;
  if (!nullable) return;
  const reference = schema.$ref ? { $ref: schema.$ref } : schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
  if (reference) {
    delete schema.$ref;
    delete schema.allOf;
    delete schema.type;
    schema.anyOf = [reference, { type: 'null' }];
    return;
  }
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (schema.enum && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  }
}

/** What would make a generated client wrong; the OpenAPI test asserts there is none. */
export function schemaProblems(document: { components?: { schemas?: Record<string, unknown> } }): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${where}[${index}]`));
    if (!node || typeof node !== 'object') return;
    const schema = node as Schema;
    if ('nullable' in schema) problems.push(`${where}: 'nullable' left (use type: [T, "null"])`);
    if (schema.allOf?.length === 1 && Object.keys(schema).some((key) => key !== 'allOf' && key !== 'description')) {
      problems.push(`${where}: a single-reference allOf wrapper`);
    }
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      if (isUntyped(property)) problems.push(`${where}.${field}: no type (give its @ApiProperty a type, or a class-validator type check)`);
      visit(property, `${where}.${field}`);
    }
    if (schema.items) visit(schema.items, `${where}[]`);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (schema[key]) visit(schema[key], `${where}.${key}`);
  };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) visit(schema, name);
  return problems;
}
