/**
 * A tiny SQL builder for the catalog read: text with `?` placeholders and their values side by side,
 * so client input only ever travels as a parameter (MikroORM's `em.execute` escapes each value; an
 * array becomes a comma list, hence `array[?]::text[]`).
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: unknown[] = [],
  ) {}

  static join(parts: readonly Sql[], separator: string): Sql {
    return new Sql(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.params));
  }
}

/** Template tag: `sql\`p.id = ${value}\`` puts `?` in the text and the value in the params; a nested Sql is inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return new Sql(text, params);
}

/** A text[] parameter (an empty list stays a typed empty array). */
export function textArray(values: readonly string[]): Sql {
  return values.length ? sql`array[${[...values]}]::text[]` : new Sql('array[]::text[]');
}

/** Medusa writes timestamps as `2026-11-20T23:20:17.752Z`; PostgreSQL's json would write `+00:00`. */
export function isoTimestamp(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
