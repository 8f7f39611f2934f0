import { useCallback, useEffect, useState } from 'react';
import { follow, liveUrl, type LiveState } from '../common/live';
import { graphql } from '../gql/hub';

/** Each event of the studio: only that it happened matters here (what changed is fetched again). */
const STUDIO_EVENTS = graphql(`
  subscription StudioEvents($studioId: ID!, $after: String) {
    studioEvents(studioId: $studioId, after: $after) {
      cursor
    }
  }
`);

/**
 * The studio's live version, for the console and the workstation: it moves once per burst of the
 * studio's events (coalesced within 150 ms), and `bump` moves it after the page's own change.
 */
export function useStudioVersion(studioId: string, token: () => string | null): { version: number; bump: () => void; live: LiveState } {
  const [live, setLive] = useState<LiveState>('connecting');
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stop = follow(liveUrl('/graphql'), token, {
      document: STUDIO_EVENTS,
      variables: { studioId },
      cursorOf: (event) => event.studioEvents.cursor,
      onEvent: () => {
        clearTimeout(pending);
        pending = setTimeout(bump, 150);
      },
      onState: setLive,
    });
    return () => {
      clearTimeout(pending);
      stop();
    };
  }, [studioId, token, bump]);
  return { version, bump, live };
}

/** Fetches a panel's query again each time the console's live version moves (not on the first render). */
export const useRefreshOn = (version: number, refetch: (options: { requestPolicy: 'network-only' }) => void) =>
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
