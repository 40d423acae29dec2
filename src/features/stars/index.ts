/** What other features use of the stars feature; they import it from here only (eslint). */
export { ShareButton } from './share-button';
export { StarButton } from './star-button';
export { addStars, useStars } from './stars-store';
