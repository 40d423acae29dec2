/** What other features use of the talks feature; they import it from here only (eslint). */
export { talkQuery } from './api';
export type { BundleIndex } from './bundle-index';
export { describeDay, formatDate, formatSpeakers } from './format';
export { groupTalks, trackLabel, type DayGroup } from './group-talks';
export { HighlightedText, type Highlighter, type Highlighting } from './highlighted-text';
export { TalkCard } from './talk-card';
