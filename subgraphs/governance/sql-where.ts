/** A WHERE clause built from the conditions a filter sets, with named parameters. */
export class SqlWhere {
  private readonly clauses: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(clause: string, params: Record<string, unknown> = {}): this {
    this.clauses.push(clause);
    Object.assign(this.params, params);
    return this;
  }

  /** `column = @name`, when the value is given. */
  eq(column: string, value: string | number | null | undefined, name: string = column): this {
    return value === null || value === undefined ? this : this.add(`${column} = @${name}`, { [name]: value });
  }

  /** `column` is one of the values, when a list is given. */
  oneOf(column: string, values: readonly string[] | null | undefined, name: string = column): this {
    return values ? this.add(`${column} IN (SELECT value FROM json_each(@${name}))`, { [name]: JSON.stringify(values) }) : this;
  }

  /** A JSON array column holds the value, when given. */
  holds(column: string, value: string | null | undefined, name: string): this {
    return value ? this.add(`EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = @${name})`, { [name]: value }) : this;
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(" AND ")}` : "";
  }
}
