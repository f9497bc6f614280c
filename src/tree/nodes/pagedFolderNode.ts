import * as vscode from 'vscode';
import { describeError } from '../../util/errors';
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
  abstract getTreeItem(): vscode.TreeItem;

  get loadedCount(): number {
    return this.items.length;
  }

  get loadedNodes(): readonly TNode[] {
    return this.items;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.iterator && !this.exhausted && this.error === undefined) await this.loadMore();
    const children: ExplorerNode[] = [...this.items];
    if (this.error !== undefined) {
      children.push(new MessageNode(this, `${this.id}/~error`, describeError(this.error), 'error',
        { command: 'cbcm.explorer.refreshNode', title: 'Retry', arguments: [this] }, 'Click to retry'));
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
    });
    return this.pending;
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
  }

  dispose(): void {
    this.abort.abort();
  }

  private async fetchPage(): Promise<void> {
    const signal = this.abort.signal;
    try {
      if (!this.iterator) {
        const listing = this.openListing(signal);
        if (!listing) {
          this.exhausted = true;
          return;
        }
        this.iterator = listing[Symbol.asyncIterator]();
      }
      const next = await this.iterator.next();
      if (signal.aborted) return;
      if (next.done) {
        this.exhausted = true;
      } else {
        this.items.push(...next.value.items.map((item) => this.toNode(item)));
        this.onPage(next.value.items);
        // The page without a nextPageToken is the last: no "Load more" that would load nothing.
        if (!next.value.hasMore) this.exhausted = true;
      }
    } catch (error) {
      if (signal.aborted) return;
      this.error = error;
      this.ctx.reportError(error);
    }
  }
}
