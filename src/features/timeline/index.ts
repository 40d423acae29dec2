/** What other features use of the timeline feature; they import it from here only (eslint). */
export { matchesFilters, type FacetIndex } from './filters';
