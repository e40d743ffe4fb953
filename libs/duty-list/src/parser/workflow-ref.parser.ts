import { cellToText } from './statement-splitter.js';

// Flow-chart numbers such as `07-1` or `07-2-1`; NFKC first turns full-width digits and hyphens
// into ASCII, and hyphen look-alikes (－ – —) are unified before matching.
const REF = /(?<![\d-])\d{1,3}(?:-\d{1,3})+(?![\d-])/g;

export interface WorkflowRefParse {
  refs: string[];
  /** The cleaned cell text when it is non-empty but names no flow-chart number. */
  unrecognised: string | null;
}

/** `详见07-1` → ["07-1"]; `<p>详见 07-2-1 07-2-2</p>` → ["07-2-1", "07-2-2"]. */
export function parseWorkflowRefs(raw: string | undefined): WorkflowRefParse {
  if (raw === undefined) return { refs: [], unrecognised: null };
  const text = cellToText(raw)
    .normalize('NFKC')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return { refs: [], unrecognised: null };
  const refs = [...new Set(text.match(REF) ?? [])];
  return { refs, unrecognised: refs.length === 0 ? text : null };
}
