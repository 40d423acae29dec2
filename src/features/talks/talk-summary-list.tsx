import { TextLink } from '../../components/text-link';
import type { CatalogTalk } from '../../shared/bundle';
import { paths } from '../../shared/paths';
import { conferenceName, type BundleIndex } from './bundle-index';
import { formatSpeakers } from './format';

/** A compact list of talks: title (a link to the talk), speakers, conference and day. */
export function TalkSummaryList({
  talks,
  index,
  place = 'conference and day',
}: {
  talks: readonly CatalogTalk[];
  index: BundleIndex;
  /** Where each talk was: less where the page already groups talks by conference or day. */
  place?: 'conference and day' | 'day' | 'none';
}) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {talks.map((talk) => {
        const speakers = formatSpeakers(talk.speakers);
        const where =
          place === 'conference and day'
            ? `${conferenceName(index, talk.conference)} · ${talk.day.label}`
            : place === 'day'
              ? talk.day.label
              : '';
        return (
          <li key={talk.id} className="py-2">
            <TextLink to={paths.talk(talk.id)} className="font-medium">
              {talk.title}
            </TextLink>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {[speakers, where].filter(Boolean).join(' — ')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
