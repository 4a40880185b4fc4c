import { createIdbVisitBackend } from './visit-idb';
import { type VisitStore, createVisitStore } from './visit-store';

let instance: VisitStore | undefined;

/** The visit list store of this browser (IndexedDB, WebCrypto). One per page. */
export function browserVisitStore(): VisitStore {
  instance ??= createVisitStore({ backend: createIdbVisitBackend() });
  return instance;
}
