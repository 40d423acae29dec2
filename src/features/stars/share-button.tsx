import { useId, useState } from 'react';
import type { TalkId } from '../../shared/ids';
import { paths } from '../../shared/paths';
import { plural } from '../../shared/plural';
import { FOCUS_RING } from '../../components/focus-ring';

/**
 * Most talks a shared link lists: about 4 KB of address, under the 8 KB many servers accept. A
 * bigger view is better shared by its filters (its own address).
 */
export const MAX_SHARED_TALKS = 100;

/** A page of the site as an absolute URL, under its base path. */
const absolute = (path: string) =>
  new URL(`${import.meta.env.BASE_URL}${path.slice(1)}`, window.location.origin).href;

/**
 * Shares a list of talks as a link that opens the same list, read-only, on another device
 * (`/starred?shared=…`). The link is copied when the browser allows it, and shown either way.
 */
export function ShareButton({ ids, className }: { ids: readonly TalkId[]; className: string }) {
  const [link, setLink] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const fieldId = useId();
  const tooMany = ids.length > MAX_SHARED_TALKS;

  const share = async () => {
    if (tooMany) {
      setLink(undefined);
      setStatus(
        `${plural(ids.length, 'talk')} are too many for one link (${MAX_SHARED_TALKS} at most): narrow the filters and share again, or share this page's address`,
      );
      return;
    }
    const url = absolute(paths.shared(ids));
    setLink(url);
    try {
      // Absent on insecure origins (plain http other than localhost).
      if (!('clipboard' in navigator)) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus(`Link to ${plural(ids.length, 'talk')} copied`);
    } catch {
      setStatus('Copy the link below');
    }
  };

  return (
    <div className="flex basis-full flex-wrap items-center gap-2 print:hidden sm:basis-auto">
      <button type="button" onClick={() => void share()} className={className}>
        Share list
      </button>
      <span role="status" className="text-sm text-slate-600 empty:sr-only dark:text-slate-400">
        {status}
      </span>
      {link ? (
        <>
          <label htmlFor={fieldId} className="sr-only">
            Link to this list
          </label>
          <input
            id={fieldId}
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
            className={`w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs sm:w-80 dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
          />
        </>
      ) : null}
    </div>
  );
}
