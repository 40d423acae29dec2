/** The search index could not be loaded: the message is for people. */
export class SearchLoadError extends Error {
  override name = 'SearchLoadError';
}
