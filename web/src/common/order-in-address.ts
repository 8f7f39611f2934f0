import { useCallback, useEffect, useState } from 'react';

/**
 * The order a page shows, kept in its address (?order=…): a reload, a shared URL or a scanned
 * ticket opens it again, and the browser's back button returns to what was shown before.
 */
export function useOrderInAddress(): [string | null, (id: string | null) => void] {
  const [order, setOrder] = useState(() => new URLSearchParams(location.search).get('order'));
  useEffect(() => {
    const onPop = () => setOrder(new URLSearchParams(location.search).get('order'));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const open = useCallback((id: string | null) => {
    const url = new URL(location.href);
    if (id) url.searchParams.set('order', id);
    else url.searchParams.delete('order');
    history.pushState(null, '', url.pathname + url.search);
    setOrder(id);
  }, []);
  return [order, open];
}
