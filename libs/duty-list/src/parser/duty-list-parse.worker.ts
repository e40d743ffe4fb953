import { parentPort, workerData } from 'node:worker_threads';
import { DutyListParseError } from './duty-list-parse.error.js';
import { parseDutyList } from './duty-list.parser.js';
import type { DutyListParseOptions } from './parsed-duty-list.types.js';

/**
 * Worker-thread entry of parseDutyListOffThread: parses one file and posts the result, or the
 * parse error's parts (a class instance does not survive the structured clone).
 * Imports only parser modules: loading a library index would cost the worker seconds and 100+ MB.
 */
const { fileName, bytes, options } = workerData as { fileName: string; bytes: Uint8Array; options: DutyListParseOptions };
try {
  parentPort!.postMessage({ ok: true, result: await parseDutyList({ fileName, bytes }, options) });
} catch (e) {
  if (e instanceof DutyListParseError) {
    const { code, file, detail, line, column, columnName, limit } = e;
    parentPort!.postMessage({ ok: false, parseError: { code, file, detail, line, column, columnName, limit } });
  } else {
    parentPort!.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
