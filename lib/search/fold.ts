// The folding lives with the store (lib/db knows no feature, and both adapters fold the same way);
// the query parser and the snippet use it from here.
export { fold, isUnspaced, wordsOf } from '@/lib/db/search-text';
