// `lake lint` translates each query model once (issue 18): the rules on the main thread translate the CTAS the bind
// runs (checkFaithfulEnclosed) and hand that translation to the bind worker, which waits for it instead of translating
// the model again. Every awaited model is posted exactly once, with no translations where the rules did not make one
// the bind can read (the worker then translates it itself), so the worker never waits for ever.
import type { QueryTranslation } from '../dialect/translate/query.js';

export interface TranslationPost {
  translated: string;
  translations: QueryTranslation[];
}

/** What the bind worker is sent: the posts of a batch for the models it binds. */
export interface TranslationBatch {
  posts: TranslationPost[];
}

/**
 * Posts go to the worker in batches of this many (and the rest at close()): a message costs the sending and the
 * receiving thread tens of microseconds whatever its size (issue 18: one per model was ~6 % of the main thread's time
 * once models of one shape share a translation), and the worker waits for a batch at most while this thread checks
 * this many models.
 */
export const FEED_BATCH = 16;

/** The main thread's side: the models the worker waits for, and their translations as the rules make them. */
export class TranslationFeed {
  private readonly pending: Set<string>;
  private batch: TranslationPost[] = [];
  private readonly early: TranslationPost[][] = [];
  private listener: ((posts: TranslationPost[]) => void) | undefined;

  constructor(readonly awaited: readonly string[]) {
    this.pending = new Set(awaited);
  }

  post(id: string, translations: QueryTranslation[] = []): void {
    if (!this.pending.delete(id)) return;
    this.batch.push({ translated: id, translations });
    if (this.batch.length >= FEED_BATCH || this.pending.size === 0) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const posts = this.batch;
    this.batch = [];
    if (this.listener) this.listener(posts);
    else this.early.push(posts);
  }

  /** Posts nothing for every model not posted yet: after the rules, and when lint stops early. */
  close(): void {
    for (const id of [...this.pending]) this.post(id);
    this.flush();
  }

  listen(listener: (posts: TranslationPost[]) => void): void {
    this.listener = listener;
    for (const posts of this.early.splice(0)) listener(posts);
  }
}

/** The worker's side: a promise per awaited model, resolved when its post arrives. */
export function translationBoard(awaited: readonly string[]): {
  receive(post: TranslationPost): void;
  translations(id: string): Promise<QueryTranslation[]> | undefined;
} {
  const arrivals = new Map<string, { promise: Promise<QueryTranslation[]>; resolve: (t: QueryTranslation[]) => void }>();
  for (const id of awaited) {
    let resolve!: (t: QueryTranslation[]) => void;
    const promise = new Promise<QueryTranslation[]>((r) => (resolve = r));
    arrivals.set(id, { promise, resolve });
  }
  return {
    receive: (post) => arrivals.get(post.translated)?.resolve(post.translations),
    translations: (id) => arrivals.get(id)?.promise,
  };
}
