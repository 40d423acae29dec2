import { Fragment, useId, useState } from 'react';
import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { ExternalLink, TextLink } from '../../components/text-link';
import { useQuery } from '@tanstack/react-query';
import { groupLinks, linkedTalks, type KindGroup } from '../../features/links/classify-link';
import { linksQuery } from '../../features/talks/api';
import type { BundleIndex } from '../../features/talks/bundle-index';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import { paths } from '../../shared/paths';
import { noun } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';

/** `/links`: every link in the notes, by kind and host, each with the talks it came from. */
export const linksRoute: PageRoute = {
  path: 'links',
  Component: LinksRoute,
  load: () => [linksQuery()],
  head: () => describePage('Links', 'Every link from the notes, by talk.'),
  staticPaths: () => [paths.links()],
};

function LinksRoute() {
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
              {total} {noun(total, 'link')} from the notes
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
        <HostLinks key={host.host} host={host} />
      ))}
    </section>
  );
}

/** Links shown per host, and talks per link, before a "Show all": a host cited by thousands of
 * talks would otherwise make the page tens of megabytes at 10,000 talks. */
export const LINKS_PER_HOST = 12;
export const TALKS_PER_LINK = 5;

const SHOW_ALL =
  'mt-1 rounded-sm text-sm font-medium text-indigo-700 underline decoration-indigo-700/30 underline-offset-2 hover:decoration-current focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300 dark:decoration-indigo-300/40 dark:focus-visible:outline-indigo-400';

function HostLinks({ host }: { host: KindGroup['hosts'][number] }) {
  const [all, setAll] = useState(false);
  const shown = all ? host.links : host.links.slice(0, LINKS_PER_HOST);
  return (
    <>
      <h3 className="mt-4 text-sm font-medium text-slate-500 dark:text-slate-400">{host.host}</h3>
      <ul className="mt-1 space-y-2">
        {shown.map((link) => (
          <LinkItem key={link.url} link={link} />
        ))}
      </ul>
      {shown.length < host.links.length ? (
        <button type="button" className={SHOW_ALL} onClick={() => setAll(true)}>
          Show all {host.links.length} links from {host.host}
        </button>
      ) : null}
    </>
  );
}

function LinkItem({ link }: { link: KindGroup['hosts'][number]['links'][number] }) {
  const [all, setAll] = useState(false);
  const talks = all ? link.talks : link.talks.slice(0, TALKS_PER_LINK);
  const more = link.talks.length - talks.length;
  return (
    <li className="break-words">
      <ExternalLink href={link.url} className="font-medium">
        {link.text}
      </ExternalLink>
      <span className="block text-sm text-slate-600 dark:text-slate-400">
        from{' '}
        {talks.map((talk, at) => (
          <Fragment key={talk.id}>
            {at > 0 ? ', ' : null}
            <TextLink to={paths.talk(talk.id)}>{talk.title}</TextLink>
          </Fragment>
        ))}
        {more > 0 ? (
          <>
            {' '}
            <button type="button" className={SHOW_ALL} onClick={() => setAll(true)}>
              and {more} more {noun(more, 'talk')}
            </button>
          </>
        ) : null}
      </span>
    </li>
  );
}
