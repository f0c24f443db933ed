import { z } from 'zod';

/** Database ids are integers: time-ordered keys keep SQLite writes cheap (see docs/BENCHMARKS.md). */
export const zId = z.number().int().positive().max(2_147_483_647);
export const zIsoDateTime = z.iso.datetime({ offset: true });
export const zIsoDate = z.iso.date();
export const zEmail = z.email().max(254);
/** Vials typed by a user; the upper bound only stops absurd values, caps are checked by the rules. */
export const zVials = z.number().int().min(0).max(1_000_000);
export const zIdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
