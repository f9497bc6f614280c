import type * as vscode from 'vscode';
import { holdsSecret, type ListingKind } from '../tree/explorerState';

const MAX_RECENT = 15;

/**
 * Recent filter queries per listing kind, newest first, in globalState. A query naming an enrollment token value
 * is never remembered: that value enrolls machines and must not be written to disk in clear.
 */
export class RecentQueries {
  constructor(private readonly memento: vscode.Memento) {}

  list(kind: ListingKind): string[] {
    return this.memento.get<string[]>(this.key(kind), []);
  }

  async remember(kind: ListingKind, query: string): Promise<void> {
    const trimmed = query.trim();
    // The same rule as the explorer's stored state (any case, quoted or not).
    if (!trimmed || holdsSecret(trimmed)) return;
    const next = [trimmed, ...this.list(kind).filter((q) => q !== trimmed)].slice(0, MAX_RECENT);
    await this.memento.update(this.key(kind), next);
  }

  private key(kind: ListingKind): string {
    return `cbcm.recentQueries.${kind}`;
  }
}
