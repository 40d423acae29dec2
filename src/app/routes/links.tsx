import { Fragment, useId } from 'react';
import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { TextLink } from '../../components/text-link';
import { useQuery } from '@tanstack/react-query';
import { groupLinks, linkedTalks, type KindGroup } from '../../features/links/classify-link';
import { linksQuery } from '../../features/talks/api';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { useDocumentTitle } from '../../features/talks/use-document-title';
import { paths } from '../../shared/paths';

/** `/links`: every link in the notes, by kind and host, each with the talks it came from. */
export function LinksRoute() {
  useDocumentTitle('Links');
  return <QueryGate query={useBundleIndex()}>{(index) => <LinksOf index={index} />}</QueryGate>;
}

/** The links page's content, once the links file is in. */
function LinksOf({ index }: { index: BundleIndex }) {
  return (
    <QueryGate query={useQuery(linksQuery())}>
      {(file) => {
        const groups = groupLinks(linkedTalks(file, index.talksById));
        if (groups.length === 0) return <EmptyState title="No links in the notes yet" />;
        const total = groups.reduce((sum, group) => sum + group.count, 0);
        return (
          <>
            <h1 className="text-3xl font-bold tracking-tight">Links</h1>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {total} {total === 1 ? 'link' : 'links'} from the notes
            </p>
            <nav aria-label="Kinds of link" className="mt-3 flex flex-wrap gap-3 text-sm">
              {groups.map((group) => (
                <a
                  key={group.kind}
                  href={`#${group.kind}`}
                  className="text-indigo-700 dark:text-indigo-300 underline"
                >
                  {group.title} ({group.count})
                </a>
              ))}
            </nav>
            {groups.map((group) => (
              <LinkKindSection key={group.kind} group={group} />
            ))}
          </>
        );
      }}
    </QueryGate>
  );
}

function LinkKindSection({ group }: { group: KindGroup }) {
  const headingId = useId();
  return (
    <section
      id={group.kind}
      aria-labelledby={headingId}
      className="mt-8 scroll-mt-4 border-t border-slate-200 dark:border-slate-800 pt-6"
    >
      <h2 id={headingId} className="text-xl font-semibold">
        {group.title}
      </h2>
      {group.hosts.map((host) => (
        <Fragment key={host.host}>
          <h3 className="mt-4 text-sm font-medium text-slate-500 dark:text-slate-400">
            {host.host}
          </h3>
          <ul className="mt-1 space-y-2">
            {host.links.map((link) => (
              <li key={link.url} className="break-words">
                <a
                  href={link.url}
                  rel="noopener noreferrer"
                  className="font-medium text-indigo-700 dark:text-indigo-300 underline decoration-indigo-700/30 dark:decoration-indigo-300/40 underline-offset-2 hover:decoration-current"
                >
                  {link.text}
                </a>
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  from{' '}
                  {link.talks.map((talk, at) => (
                    <Fragment key={talk.id}>
                      {at > 0 ? ', ' : null}
                      <TextLink to={paths.talk(talk.id)}>{talk.title}</TextLink>
                    </Fragment>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </Fragment>
      ))}
    </section>
  );
}
