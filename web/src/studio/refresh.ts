import { useEffect } from 'react';

/** Fetches a panel's query again each time the console's live version moves (not on the first render). */
export const useRefreshOn = (version: number, refetch: (options: { requestPolicy: 'network-only' }) => void) =>
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
