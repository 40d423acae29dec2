/** What other features use of the export feature; they import it from here only (eslint). */
export { ListTools } from './list-tools';
