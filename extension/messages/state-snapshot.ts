import type { KeyValueArea } from '../config/service-config';
import { answerChecks } from './answer-checks';
import type { State } from './protocol';

/**
 * The last `getState` answer the background gave, kept in session storage (no token in it:
 * State has none) so that the popup draws its first state without waiting for the
 * background, which may be asleep. The background writes it when it answers `getState` and
 * removes it whenever the login state changes, so it is either that answer or absent. The
 * popup checks it like any answer and still asks the background, whose answer wins.
 */
export const stateSnapshotKey = 'popupState';

export async function readStateSnapshot(area: Pick<KeyValueArea, 'get'>): Promise<State | null> {
  try {
    const value: unknown = (await area.get(stateSnapshotKey))[stateSnapshotKey];
    return answerChecks.getState(value) ? value : null;
  } catch {
    return null;
  }
}
