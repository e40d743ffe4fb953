// Offline migrations for Prisma 6.19.x: the CLI runs its bundled WebAssembly schema engine through
// this driver adapter, so the native schema-engine binary is never downloaded (the machines this
// runs on reach only the npm registry).
// Fixes for @prisma/adapter-pg 6.19.3 defects, applied only inside the Prisma CLI process:
//  1. pg types "char" (OID 18) and name (OID 19, name[] 1003) are unmapped and the engine's catalog
//     queries return them -> "Column type 'name' could not be deserialized" (prisma/prisma#27403).
//  2. executeScript() splits migration SQL on every ';' -> breaks $$ bodies and ';' inside
//     comments/strings. Send the script as one simple-protocol query, like the native engine.
//  3. connectToShadowDb() lets the URL's database win over the shadow name (the "shadow" is the real
//     database) and drops the shadow DB before closing its pool. Reimplemented below.
//  4. The WASM engine leaves ref'd 10 s / 60 s timers, so `migrate dev` lingers ~60 s; unref them.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { parse } from 'pg-connection-string';

/* eslint-disable @typescript-eslint/no-explicit-any */
function patchAdapter(adapter: any) {
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)); // PgQueryable.prototype
  if (!queryable.__offlinePatched) {
    const performIO = queryable.performIO;
    queryable.performIO = async function (query: unknown) {
      const result = await performIO.call(this, query);
      for (const f of result?.fields ?? []) {
        if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25; // "char", name -> text
        else if (f.dataTypeID === 1003) f.dataTypeID = 1009; // name[] -> text[]
      }
      return result;
    };
    queryable.__offlinePatched = true;
  }
  adapter.executeScript = async function (script: string) {
    try {
      await this.client.query(script);
    } catch (e) {
      this.onError(e);
    }
  };
  return adapter;
}

function connectionConfig(url: string) {
  return { ...(parse(url) as any), allowExitOnIdle: true };
}

// `prisma generate` (run by postinstall) needs the schema's env("DATABASE_URL") to resolve, or it
// falls back to the native query engine and tries to download it. Generation never connects, so a
// placeholder is enough; commands that do connect still require the real variable.
const DATABASE_URL = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= 'postgresql://placeholder@localhost:5432/placeholder';

function migrationAdapter() {
  const url = DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set for Prisma CLI commands');
  const pgConfig = connectionConfig(url);
  const factory: any = new PrismaPg(pgConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchAdapter(await connect());
  factory.connectToShadowDb = async () => {
    if (process.env.SHADOW_DATABASE_URL) {
      // Pre-created shadow DB (no CREATEDB privilege needed); wiped like Prisma does.
      const shadow = patchAdapter(await new PrismaPg(connectionConfig(process.env.SHADOW_DATABASE_URL)).connect());
      await shadow.executeScript('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
      return shadow;
    }
    const admin = await factory.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = patchAdapter(await new PrismaPg({ ...pgConfig, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}

const setTimeoutOrig = globalThis.setTimeout;
globalThis.setTimeout = function (this: unknown, ...args: Parameters<typeof setTimeout>) {
  const t = setTimeoutOrig.apply(this, args);
  if ((args[1] ?? 0) >= 5000 && new Error().stack?.includes('wasm://')) t.unref?.();
  return t;
} as typeof setTimeout;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => migrationAdapter(),
});
