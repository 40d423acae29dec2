import { QueryGate } from '../../components/bundle-gate';
import { EmptyState } from '../../components/empty-state';
import { TextLink } from '../../components/text-link';
import { conferenceDates, formatShortDate } from '../../features/talks/format';
import { useBundleIndex } from '../../features/talks/use-bundle-index';
import type { Conference } from '../../shared/bundle';
import { paths } from '../../shared/paths';
import { noun, plural } from '../../shared/plural';
import { describePage, type PageRoute } from '../page-route';

/** `/conferences`: every conference by year, newest first, with where and how many talks. */
export const conferencesRoute: PageRoute = {
  path: 'conferences',
  Component: ConferencesRoute,
  head: (_, catalog) =>
    describePage(
      'Conferences',
      `${plural(catalog.conferences.length, 'conference')} and ${plural(catalog.talks.length, 'talk')} in the notes.`,
    ),
  staticPaths: () => [paths.conferences()],
};

/** The conference's year: its own, else its first day's; undefined when the notes give neither. */
function yearOf(conference: Conference): number | undefined {
  if (conference.year) return conference.year;
  const date = conference.days.find((day) => day.date)?.date;
  return date ? Number(date.slice(0, 4)) : undefined;
}

/** Conferences by year, newest year first; undated ones last. Order within a year is kept. */
function byYear(
  conferences: readonly Conference[],
): Array<{ year: number | undefined; conferences: Conference[] }> {
  const groups = new Map<number | undefined, Conference[]>();
  for (const conference of conferences) {
    const year = yearOf(conference);
    groups.set(year, [...(groups.get(year) ?? []), conference]);
  }
  return [...groups.entries()]
    .map(([year, list]) => ({ year, conferences: list }))
    .sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
}

function ConferencesRoute() {
  return (
    <QueryGate query={useBundleIndex()}>
      {({ bundle }) => {
        if (bundle.conferences.length === 0) return <EmptyState title="No conferences yet" />;
        const years = byYear(bundle.conferences);
        return (
          <>
            <h1 className="text-3xl font-bold tracking-tight">Conferences</h1>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {plural(bundle.conferences.length, 'conference')} ·{' '}
              {plural(bundle.talks.length, 'talk')}
            </p>
            {years.length > 1 ? (
              <nav aria-label="Years" className="mt-4">
                <ul className="flex flex-wrap gap-1.5 text-sm">
                  {years.map(({ year }) => (
                    <li key={year ?? 'undated'}>
                      <a
                        href={`#year-${year ?? 'undated'}`}
                        className="inline-block rounded-full border border-slate-300 px-3 py-0.5 text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:focus-visible:outline-indigo-400"
                      >
                        {year ?? 'Undated'}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {years.map(({ year, conferences }) => (
              <YearSection key={year ?? 'undated'} year={year} conferences={conferences} />
            ))}
          </>
        );
      }}
    </QueryGate>
  );
}

function YearSection({
  year,
  conferences,
}: {
  year: number | undefined;
  conferences: readonly Conference[];
}) {
  const headingId = `year-${year ?? 'undated'}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2
        id={headingId}
        className="flex scroll-mt-24 items-baseline gap-2 border-b border-slate-200 pb-1 text-xl font-semibold dark:border-slate-800"
      >
        <span>{year ?? 'Undated'}</span>
        <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
          {plural(conferences.length, 'conference')}
        </span>
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {conferences.map((conference) => (
          <li
            key={conference.id}
            className="rounded-lg border border-slate-200 p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <TextLink to={paths.conference(conference.id)} className="font-semibold">
              {conference.name}
            </TextLink>
            <dl className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {conference.location ? (
                <div>
                  <dt className="sr-only">Where</dt>
                  <dd>{conference.location}</dd>
                </div>
              ) : null}
              <When conference={conference} />
              <div>
                <dt className="sr-only">Talks</dt>
                <dd>
                  {conference.talkCount} {noun(conference.talkCount, 'talk')}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function When({ conference }: { conference: Conference }) {
  const when = conferenceDates(conference, formatShortDate);
  if (!when) return null;
  return (
    <div>
      <dt className="sr-only">When</dt>
      <dd>{when}</dd>
    </div>
  );
}
