import openapiTS, { astToString } from 'openapi-typescript';

/** The TypeScript types `openapi-typescript` generates from `document`, with its default settings. */
export async function generateTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as never);
  return astToString(ast);
}
