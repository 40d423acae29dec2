/** What other features use of the tags feature; they import it from here only (eslint). */
export { TagCloud } from './tag-cloud';
export { tagsOfTalks } from './tag-stats';
