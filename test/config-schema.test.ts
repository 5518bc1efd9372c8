import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../src/config.js';

interface Property {
  type: string | string[];
  default: unknown;
  description: string;
}
const schema = JSON.parse(readFileSync(new URL('../schema/dateline.config.schema.json', import.meta.url), 'utf8')) as {
  additionalProperties: boolean;
  properties: Record<string, Property>;
};
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The JSON Schema type of a value. */
const typeOf = (v: unknown): string => (v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);

describe('the config JSON Schema', () => {
  const { $schema: _, ...options } = schema.properties;

  it('has exactly the keys of defaultConfig, each with its default and a type that takes it', () => {
    expect(Object.keys(options).sort()).toEqual(Object.keys(defaultConfig).sort());
    expect(schema.additionalProperties).toBe(false);
    for (const [key, value] of Object.entries(defaultConfig)) {
      const p = options[key]!;
      expect(p.default, key).toEqual(value);
      expect([p.type].flat(), key).toContain(typeOf(value));
      expect(p.description.length, key).toBeGreaterThan(10);
    }
  });

  it('types match what resolveConfig takes: a value of the wrong type is refused naming the key and the type', () => {
    const wrong: Record<string, unknown> = { string: 5, integer: 'ten', boolean: 'yes' };
    for (const [key, p] of Object.entries(options)) {
      const main = [p.type].flat().find((t) => t !== 'null')!;
      expect(() => resolveConfig({ [key]: wrong[main] } as never), key).toThrow(new RegExp(`${key} must be`));
      if ([p.type].flat().includes('null')) expect(() => resolveConfig({ [key]: null } as never), key).not.toThrow();
    }
  });

  it('every option is in the README with its default', () => {
    for (const [key, value] of Object.entries(defaultConfig)) expect(readme, key).toMatch(new RegExp(`\\| \`${key}\` \\| ${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|`));
  });
});
