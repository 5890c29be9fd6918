import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

type Pick = (value: unknown) => unknown;

/** Values JSON.stringify writes as they are; arrays and nullables of them need no copy either. */
const same: Pick = (value) => value;

/**
 * Copies a value down to what a zod schema describes — the object keys of the schema in its order,
 * arrays element by element, null where the schema allows it — without checking it: what
 * `schema.encode()` outputs for data that already fits, at a fraction of the cost.
 */
export function pickerOf(schema: z.ZodType): Pick {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape as Record<string, z.ZodType>).map(([key, field]) => [key, pickerOf(field)] as const);
      return (value) => {
        if (value === null || typeof value !== 'object') return value;
        const source = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) {
          const [key, pick] = fields[i]!;
          const field = source[key];
          if (field !== undefined) out[key] = pick(field);
        }
        return out;
      };
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
