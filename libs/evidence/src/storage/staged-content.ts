import { inspectContent } from '../rules/content-inspection.js';
import type { SniffResult } from '../rules/content-sniff.rules.js';
import type { EvidenceStorage, StagedFile } from './evidence-storage.js';

/** The content verdict on a staged upload, read from the staged file itself (in bounded pieces). */
export async function inspectStaged(storage: EvidenceStorage, staged: StagedFile): Promise<SniffResult> {
  const source = await storage.openStaged(staged);
  try {
    return await inspectContent(source);
  } finally {
    await source.close();
  }
}
