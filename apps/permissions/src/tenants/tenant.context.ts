export interface FolderLimits {
  /** The deepest a folder may sit: 1 is directly under the tenant. */
  readonly maxDepth: number;
  readonly maxFolders: number;
}

/** Live assignments, as the access index knows them; the handler adapts AssignmentLookup. */
export interface AssignmentCounts {
  /** On the tenant itself or on any of its folders. */
  inTenant(): number;
  /** On exactly these folders (not their descendants). */
  onFolders(folderIds: readonly string[]): number;
}

/** What a decision may depend on besides the tenant's stream: injected, so decide stays pure. */
export interface TenantContext {
  readonly limits: FolderLimits;
  readonly assignments: AssignmentCounts;
}
