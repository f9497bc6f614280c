import * as vscode from 'vscode';
import { describeError } from '../../util/errors';
import { loadedSentence, loadedText } from '../listingText';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { LoadMoreNode, type PagedFolder } from './loadMoreNode';
import { MessageNode } from './messageNode';

export interface ListingPage<T> {
  items: T[];
  hasMore: boolean;
}

/** Adapts an API listing (pages with `nextPageToken`) to folder pages. */
export async function* toListingPages<P extends { nextPageToken?: string }, T>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[],
): AsyncIterable<ListingPage<T>> {
  for await (const page of pages) yield { items: itemsOf(page), hasMore: Boolean(page.nextPageToken) };
}

/**
 * A folder whose children arrive page by page from one API listing: the first page loads on expand, later pages
 * only on "Load more", so no tree ever lists a whole fleet. The listing's iterator is kept between pages, so the
 * API client's expired-page-token recovery (restart without duplicates) covers a folder left open for hours.
 */
export abstract class PagedFolderNode<TItem, TNode extends ExplorerNode> implements PagedFolder {
  protected items: TNode[] = [];
  private iterator: AsyncIterator<ListingPage<TItem>> | undefined;
  private exhausted = false;
  private error: unknown;
  private pending: Promise<void> | undefined;
  private abort = new AbortController();
  /** A page (possibly empty) has arrived since the last reset: the loaded count means something. */
  private started = false;
  /** When the last fetch ended (ms), for `settling`. */
  private settledAt = 0;

  constructor(
    readonly parent: ExplorerNode | undefined,
    readonly id: string,
    protected readonly ctx: NodeContext,
  ) {}

  /** Starts the listing; undefined when signed out. */
  protected abstract openListing(signal: AbortSignal): AsyncIterable<ListingPage<TItem>> | undefined;
  protected abstract toNode(item: TItem): TNode;
  protected abstract emptyMessage(): string;
  /** Called with every page that arrived. */
  protected onPage(_items: readonly TItem[]): void {}
  /** Called once the last page has arrived (the listing is complete). */
  protected onComplete(): void {}
  /** Pages fetched per expand / "Load more" (listings the folder sorts itself load more at once). */
  protected readonly pagesPerLoad: number = 1;
  /** Orders the loaded items when the folder sorts them itself (the API gives no order); default: as listed. */
  protected sortItems(_items: TNode[]): void {}
  abstract getTreeItem(): vscode.TreeItem;

  get loadedCount(): number {
    return this.items.length;
  }

  get loadedNodes(): readonly TNode[] {
    return this.items;
  }

  /** True once every page is loaded (no error): `loadedCount` is then the size of the listing. */
  get isComplete(): boolean {
    return this.started && this.exhausted && this.error === undefined;
  }

  /** "212" or "100 loaded, more…"; undefined before the first page and after a failure. */
  protected loadedDescription(): string | undefined {
    if (!this.started || this.error !== undefined) return undefined;
    return loadedText(this.items.length, this.exhausted);
  }

  protected loadedTooltip(noun: string): string | undefined {
    if (!this.started || this.error !== undefined) return undefined;
    return loadedSentence(this.items.length, this.exhausted, noun);
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.iterator && !this.exhausted && this.error === undefined) {
      await this.loadMore();
      // VS Code drew this folder's row before its first page arrived: redraw it for its description ("212").
      // Not now: see ExplorerProvider.redrawSoon. Its children then come back from memory, no new request.
      this.ctx.redrawSoon(this);
    }
    const children: ExplorerNode[] = [...this.items];
    if (this.error !== undefined) {
      children.push(
        new MessageNode(
          this,
          `${this.id}/~error`,
          describeError(this.error),
          'error',
          { command: 'cbcm.explorer.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this] },
          vscode.l10n.t('Click to retry'),
        ),
      );
    } else if (!this.exhausted) {
      children.push(new LoadMoreNode(this));
    } else if (this.items.length === 0) {
      children.push(new MessageNode(this, `${this.id}/~empty`, this.emptyMessage()));
    }
    return children;
  }

  /** Fetches the next page; concurrent calls share one request. */
  loadMore(): Promise<void> {
    this.pending ??= this.fetchPage().finally(() => {
      this.pending = undefined;
      this.settledAt = Date.now();
    });
    return this.pending;
  }

  /**
   * True while a fetch runs and for `ms` after it: VS Code may still be taking in the children just returned,
   * and redrawing this folder or an ancestor then leaves rows that no longer reach their nodes.
   */
  settling(now: number, ms: number): boolean {
    return this.pending !== undefined || now - this.settledAt < ms;
  }

  /** Forgets everything loaded; the next expand lists again from the first page. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.iterator = undefined;
    this.items = [];
    this.exhausted = false;
    this.error = undefined;
    this.pending = undefined;
    this.started = false;
  }

  dispose(): void {
    this.abort.abort();
  }

  private async fetchPage(): Promise<void> {
    for (let i = 0; i < this.pagesPerLoad && !this.exhausted && this.error === undefined; i++) {
      if (!(await this.fetchOnePage())) return;
    }
    this.sortItems(this.items);
  }

  /** False when the listing was aborted (reset or disposed): nothing more may change. */
  private async fetchOnePage(): Promise<boolean> {
    const signal = this.abort.signal;
    try {
      if (!this.iterator) {
        const listing = this.openListing(signal);
        if (!listing) {
          this.exhausted = true;
          return true;
        }
        this.iterator = listing[Symbol.asyncIterator]();
      }
      const next = await this.iterator.next();
      if (signal.aborted) return false;
      this.started = true;
      if (next.done) {
        this.exhausted = true;
      } else {
        this.items.push(...next.value.items.map((item) => this.toNode(item)));
        this.onPage(next.value.items);
        // The page without a nextPageToken is the last: no "Load more" that would load nothing.
        if (!next.value.hasMore) this.exhausted = true;
      }
      if (this.exhausted) this.onComplete();
    } catch (error) {
      if (signal.aborted) return false;
      this.error = error;
      this.ctx.reportError(error);
    }
    return true;
  }
}
