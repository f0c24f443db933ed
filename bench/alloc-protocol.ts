import type { ZAllocationSummary } from '../shared/schemas/admin';
import type { AllocationSplit } from './alloc-split';

export type AllocMode = 'service' | 'split';

export interface ServiceRun {
  mode: 'service';
  closeAndAllocateMs: number;
  /** RSS high-water of the whole child process (Node, tsx, modules, then the allocation). */
  peakRssMb: number;
  /** RSS just before the call: what the process held before allocating anything. */
  rssBeforeMb: number;
  summary: ZAllocationSummary;
  allocationRows: number;
}

export type AllocReply = ServiceRun | ({ mode: 'split' } & AllocationSplit) | { mode: 'error'; error: string };
