import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DutyListParseError, type DutyListParseErrorCode } from './duty-list-parse.error.js';
import type { DutyListInput, DutyListParseOptions, ParsedDutyList } from './parsed-duty-list.types.js';

/**
 * Fences of the parse worker, behind the file limits (XLSX_LIMITS): a heap the worker cannot grow
 * past (the API process lives on when it is hit) and a time after which it is stopped.
 */
export const PARSE_WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, timeoutMs: 120_000 } as const;

const WORKER_FILE = 'duty-list-parse.worker.js';

/**
 * The compiled worker next to this module; under the test runner (TypeScript sources) the one
 * `npm run build` put in dist/, since a worker thread runs plain JavaScript.
 */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return join(dirname(here), WORKER_FILE);
  let root = dirname(here);
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  return join(root, 'dist', relative(root, dirname(here)), WORKER_FILE);
}

interface WorkerAnswer {
  ok: boolean;
  result?: ParsedDutyList;
  parseError?: { code: DutyListParseErrorCode; file: string; detail: string; line?: number; column?: number | string; columnName?: string; limit?: { name: string; value: number } };
  message?: string;
}

/**
 * parseDutyList in a worker thread: a large file keeps one core busy without stopping the API's
 * event loop, and a file that still manages to balloon hits the worker's heap limit, not ours.
 */
export function parseDutyListOffThread(input: DutyListInput, options: DutyListParseOptions = {}): Promise<ParsedDutyList> {
  const file = input.fileName;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath(), {
      // A copy: the caller keeps its buffer (it hashes it for the catalogue revision).
      workerData: { fileName: file, bytes: new Uint8Array(input.bytes), options },
      resourceLimits: { maxOldGenerationSizeMb: PARSE_WORKER_LIMITS.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: PARSE_WORKER_LIMITS.maxYoungGenerationSizeMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new DutyListParseError('TOO_COMPLEX', file, `文件解析超过 ${PARSE_WORKER_LIMITS.timeoutMs / 1000} 秒的上限`, {}, { name: 'timeoutMs', value: PARSE_WORKER_LIMITS.timeoutMs }),
          ),
        ),
      PARSE_WORKER_LIMITS.timeoutMs,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) return resolve(answer.result!);
        const p = answer.parseError;
        if (!p) return reject(new Error(`duty-list parse worker failed: ${answer.message}`));
        const location = { line: p.line, column: typeof p.column === 'number' ? p.column : undefined, columnName: p.columnName };
        reject(new DutyListParseError(p.code, p.file, p.detail, location, p.limit));
      }),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DutyListParseError('TOO_COMPLEX', file, `文件解析所需内存超过 ${PARSE_WORKER_LIMITS.maxOldGenerationSizeMb} MiB 的上限`, {}, {
                name: 'maxOldGenerationSizeMb',
                value: PARSE_WORKER_LIMITS.maxOldGenerationSizeMb,
              })
            : e,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`duty-list parse worker exited with code ${code} before answering`))));
  });
}
