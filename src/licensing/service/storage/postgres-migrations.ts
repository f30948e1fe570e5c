/**
 * The PostgreSQL schema of the licensing service, as numbered migrations applied in order at
 * start (pbxmod_schema_migrations remembers which ran). Never edit a released step: add one.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'keys, coupons, bindings, drops, outbox',
    sql: `
      CREATE TABLE license_keys (
        id text PRIMARY KEY,
        key_hash text NOT NULL UNIQUE,
        email text NOT NULL UNIQUE,
        trial_host_id text NOT NULL UNIQUE,
        owner jsonb NOT NULL,
        created timestamptz NOT NULL,
        products jsonb NOT NULL,
        trials_granted jsonb NOT NULL
      );
      CREATE TABLE coupons (
        code_hash text PRIMARY KEY,
        hint text NOT NULL,
        product_id integer NOT NULL,
        product_name text NOT NULL,
        days integer NOT NULL CHECK (days > 0),
        features jsonb NOT NULL,
        created timestamptz NOT NULL,
        blocked boolean NOT NULL DEFAULT false,
        activated_at timestamptz,
        activated_key_id text REFERENCES license_keys (id),
        CHECK ((activated_at IS NULL) = (activated_key_id IS NULL))
      );
      CREATE TABLE bindings (
        id text PRIMARY KEY,
        key_id text NOT NULL REFERENCES license_keys (id),
        feature_id integer NOT NULL,
        feature_name text NOT NULL,
        product_id integer NOT NULL,
        product_name text NOT NULL,
        host_id text NOT NULL,
        "user" text NOT NULL,
        host text NOT NULL,
        db text NOT NULL,
        net text NOT NULL,
        proc integer NOT NULL,
        start timestamptz NOT NULL,
        upd timestamptz NOT NULL,
        exp timestamptz NOT NULL
      );
      CREATE INDEX bindings_by_key ON bindings (key_id, exp);
      CREATE TABLE drops (
        key_id text NOT NULL REFERENCES license_keys (id),
        feature_id integer NOT NULL,
        host_id text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (key_id, feature_id, host_id)
      );
      CREATE TABLE outbox (
        id text PRIMARY KEY,
        key_id text NOT NULL REFERENCES license_keys (id),
        created timestamptz NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        sealed text NOT NULL
      );
      CREATE INDEX outbox_by_key ON outbox (key_id, created);
      CREATE INDEX outbox_by_time ON outbox (created);
    `,
  },
];
