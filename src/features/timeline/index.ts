/** What other features use of the timeline feature; they import it from here only (eslint). */
export { matchesFilters, yearOf, type FacetIndex, type FacetValues } from './filters';
