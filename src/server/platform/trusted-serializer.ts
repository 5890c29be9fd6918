import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

type Pick = (value: unknown) => unknown;

/** Values JSON.stringify writes as they are; arrays and nullables of them need no copy either. */
const same: Pick = (value) => value;

/**
 * Copies a value down to what a zod schema describes — the object keys of the schema in its order,
 * arrays element by element, null where the schema allows it — without checking it: what
 * `schema.encode()` outputs for data that already fits, at a fraction of the cost. Fields the value
 * lacks come back undefined (JSON.stringify writes them as it would a missing key: not at all).
 */
export function pickerOf(schema: z.ZodType): Pick {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const entries = Object.entries(def.shape as Record<string, z.ZodType>);
      // In an object literal this key would set the prototype instead of a field.
      if (entries.some(([key]) => key === '__proto__')) throw new Error('pickerOf: a schema key named __proto__');
      const picks = entries.map(([, field]) => pickerOf(field));
      // One object literal per schema, compiled once: every copy then has the same shape from the
      // start (built key by key it cost a third of the serializer). Keys are the schema's own,
      // quoted by JSON.stringify. A missing field becomes undefined, which JSON.stringify leaves out
      // exactly as the field left out before.
      const fields = entries.map(([key], i) => {
        const read = `v[${JSON.stringify(key)}]`;
        return picks[i] === same ? `${JSON.stringify(key)}: ${read}` : `${JSON.stringify(key)}: (x = ${read}) === undefined ? undefined : p[${i}](x)`;
      });
      return new Function('p', `return (v) => { if (v === null || typeof v !== 'object') return v; let x; return {${fields.join(', ')}}; }`)(picks) as Pick;
    }
    case 'array': {
      const pick = pickerOf(def.element as z.ZodType);
      if (pick === same) return same;
      return (value) => (Array.isArray(value) ? value.map(pick) : value);
    }
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly': {
      const pick = pickerOf(def.innerType as z.ZodType);
      if (pick === same) return same;
      return (value) => (value === null || value === undefined ? value : pick(value));
    }
    default:
      // Strings, numbers, booleans, enums, literals: JSON.stringify writes them as they are.
      return same;
  }
}

/**
 * A route's serializer compiler for responses built by the service from trusted data (hot routes):
 * the 2xx body is trimmed to its zod schema and written, not validated; error bodies, and every
 * response while the tests run, go through the zod serializer as on every other route, so a service
 * that drifts from its contract still fails the tests. The OpenAPI document is unchanged.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Fastify types the route's whole schema here
export const trustedSerializerCompiler = (route: { schema: any; method: string; url: string; httpStatus?: string }) => {
  const checked = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  if (process.env.VITEST || !/^2\d\d$/.test(String(route.httpStatus))) return checked;
  const pick = pickerOf(route.schema as z.ZodType);
  return (data: unknown) => JSON.stringify(pick(data));
};
