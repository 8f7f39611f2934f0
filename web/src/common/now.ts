import { useEffect, useState } from 'react';

/**
 * The time now, moving each minute: what is late or overdue changes while a page stays open, and
 * a render reads the clock from state (rendering stays pure) rather than calling Date.now().
 */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
