import { Injectable } from '@nestjs/common';
import type { CatalogueScope } from '../contract';
import { ApplicationsRepository } from './applications.repository';

/** An application as the token rules need it: its catalogue and what each scope implies. */
export interface ResolvedApplication {
  id: string;
  slug: string;
  name: string;
  builtIn: boolean;
  scopes: CatalogueScope[];
  scopeNames: ReadonlySet<string>;
}

export interface ApplicationSummary {
  id: string;
  slug: string;
  name: string;
}

/** How long another instance may answer with a catalogue an admin just changed. */
export const DIRECTORY_TTL_MS = 5_000;

/**
 * Applications by id, cached so the verify path reads no catalogue from the database: an entry
 * older than DIRECTORY_TTL_MS is answered once more and re-read in the background. Changes on
 * this instance drop the entry at once; other instances see them within DIRECTORY_TTL_MS (plus
 * one call). Writes (minting a token) read with `fresh`.
 */
@Injectable()
export class ApplicationDirectory {
  private readonly entries = new Map<string, { app: ResolvedApplication | null; at: number }>();

  constructor(private readonly repository: ApplicationsRepository) {}

  async get(id: string, options: { fresh?: boolean } = {}): Promise<ResolvedApplication | null> {
    if (!options.fresh) {
      const known = this.peek(id);
      if (known !== undefined) return known;
    }
    return this.load(id);
  }

  /**
   * The entry without waiting (the verify path): the application, null when there is none, or
   * undefined when this instance has not read it yet. Stale-while-revalidate: an entry past
   * DIRECTORY_TTL_MS is answered and re-read in the background.
   */
  peek(id: string): ResolvedApplication | null | undefined {
    const hit = this.entries.get(id);
    if (hit === undefined) return undefined;
    if (Date.now() - hit.at >= DIRECTORY_TTL_MS) this.refreshInBackground(id);
    return hit.app;
  }

  private readonly refreshing = new Set<string>();

  private refreshInBackground(id: string): void {
    if (this.refreshing.has(id)) return;
    this.refreshing.add(id);
    this.load(id)
      .catch(() => undefined)
      .finally(() => this.refreshing.delete(id));
  }

  private async load(id: string): Promise<ResolvedApplication | null> {
    const row = await this.repository.find(id);
    const app: ResolvedApplication | null = row
      ? {
          id: row.id,
          slug: row.slug,
          name: row.name,
          builtIn: row.builtIn,
          scopes: row.scopes.map((scope) => ({ scope: scope.scope, description: scope.description, descriptionZh: scope.descriptionZh, implies: scope.implies })),
          scopeNames: new Set(row.scopes.map((scope) => scope.scope)),
        }
      : null;
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(id, { app, at: Date.now() });
    return app;
  }

  invalidate(id: string): void {
    this.entries.delete(id);
    this.summaryCache = null;
  }

  private summaryCache: { map: Map<string, ApplicationSummary>; at: number } | null = null;

  /** id, slug and name of an application, deleted ones too (their tokens still show them); re-read when unknown here. */
  async summaryOf(id: string): Promise<ApplicationSummary | undefined> {
    return (await this.summaries()).get(id) ?? (await this.summaries(true)).get(id);
  }

  async summaries(fresh = false): Promise<Map<string, ApplicationSummary>> {
    if (!fresh && this.summaryCache && Date.now() - this.summaryCache.at < DIRECTORY_TTL_MS) return this.summaryCache.map;
    const rows = await this.repository.summaries();
    const map = new Map(rows.map((row) => [row.id, row]));
    this.summaryCache = { map, at: Date.now() };
    return map;
  }
}
