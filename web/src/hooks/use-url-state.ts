import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Page state kept in the URL query (filters, paging, sorting, the open tab, a running job id) so
 * a reload, a bookmark or a link sent to a colleague shows exactly the same view.
 */
export function useUrlState(): {
  params: URLSearchParams;
  get: (key: string) => string | undefined;
  getAll: (key: string) => string[];
  set: (
    patch: Record<string, string | number | string[] | null | undefined>,
    replace?: boolean,
  ) => void;
} {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const getAll = useCallback((key: string) => params.getAll(key), [params]);
  const set = useCallback(
    (patch: Record<string, string | number | string[] | null | undefined>, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            next.delete(k);
            if (v === null || v === undefined || v === '') continue;
            if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
            else next.set(k, String(v));
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
  return useMemo(() => ({ params, get, getAll, set }), [params, get, getAll, set]);
}
