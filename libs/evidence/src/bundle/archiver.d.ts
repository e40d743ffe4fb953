// archiver ships no types (it arrives with exceljs); only what the bundle uses is declared.
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';

  interface EntryData {
    name: string;
    date?: Date;
    mode?: number;
  }

  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
  }

  interface ArchiverOptions {
    zlib?: { level?: number };
    forceZip64?: boolean;
  }

  function archiver(format: 'zip', options?: ArchiverOptions): Archiver;
  export default archiver;
}
