import type { Words } from './text';
import type { DataModel, DbRole, EdgeMeaning, EdgeStyle, NodeKind } from '../vocabulary';

/** A Mermaid node id, branded so it cannot be confused with labels or other strings. */
export type NodeId = string & { readonly __brand: 'NodeId' };

export const asNodeId = (id: string): NodeId => id as NodeId;

/** Facts the diagram states about a node, read from its label and the labels of its edges. */
export type AnnotationFlag =
  | 'ttl'
  | 'invalidation'
  | 'health_check'
  | 'sticky'
  | 'stateless'
  | 'in_memory_state'
  | 'sync_replication'
  | 'async_replication'
  | 'failover'
  | 'replica_lag'
  | 'multi_az'
  | 'multi_region'
  | 'delivery_guarantee'
  | 'websocket'
  | 'sse'
  | 'long_polling'
  | 'short_polling'
  | 'logs'
  | 'metrics'
  | 'tracing';

export interface NodeAnnotations {
  /** Declared shard / partition key, normalised to lower case (e.g. `user_id`). */
  readonly shardKey?: string;
  readonly flags: readonly AnnotationFlag[];
}

/** How many copies of a node run: a number, or `many` for clusters, pools, auto-scaling groups. */
export type Instances = number | 'many';

interface BaseNode {
  readonly id: NodeId;
  readonly label: string;
  readonly tech: readonly string[];
  readonly instances: Instances;
  /** Redundant by default without being drawn so (managed cloud services such as S3, DynamoDB). */
  readonly redundantByDefault: boolean;
  /** Innermost subgraph id, if any. */
  readonly subgraph?: string;
  /** Titles of the enclosing subgraphs, innermost first. */
  readonly subgraphTitles: readonly string[];
  readonly shape: string;
  readonly classes: readonly string[];
  readonly annotations: NodeAnnotations;
  /** Roles the label gives it besides its kind ("API Gateway & Load Balancer"); `ofKind` finds it by them too. */
  readonly alsoKinds?: readonly NodeKind[];
  /** Marked as future work ("Redis · Future"): shown for where the design goes, not yet part of it. */
  readonly planned?: true;
  /** The kind was set by the author (`%% sysdrill: <id> is <kind>`), not read from the diagram. */
  readonly kindSetByAuthor?: true;
  /** A store's place among its copies ("Orders DB primary", "Redis replica"): databases and caches only. */
  readonly role?: DbRole;
}

export interface DatabaseNode extends BaseNode {
  readonly kind: 'database';
  readonly dataModel: DataModel;
}

export interface OtherNode extends BaseNode {
  readonly kind: Exclude<NodeKind, 'database'>;
}

export type ArchNode = DatabaseNode | OtherNode;

export interface ArchEdge {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly label?: string;
  readonly style: EdgeStyle;
  readonly bidirectional: boolean;
  /** False for a plain line with no arrowhead (`---`, `-.-`): it joins, it does not point. */
  readonly directed: boolean;
  readonly meaning: EdgeMeaning;
}

export interface ArchSubgraph {
  readonly id: string;
  readonly title: string;
  readonly parent?: string;
  /** Every node inside, including nested subgraphs' nodes. */
  readonly nodeIds: readonly NodeId[];
}

/** The typed, immutable architecture graph the rules read. Lookups are built once. */
export interface ArchitectureGraph {
  readonly nodes: readonly ArchNode[];
  readonly edges: readonly ArchEdge[];
  readonly subgraphs: readonly ArchSubgraph[];
  node(id: string): ArchNode | undefined;
  /** Edges leaving the node (visible edges only: invisible `~~~` links are layout, not architecture). */
  outgoing(id: string): readonly ArchEdge[];
  incoming(id: string): readonly ArchEdge[];
  /** Nodes joined to this one by a visible edge in either direction. */
  neighbours(id: string): readonly ArchNode[];
  ofKind(...kinds: readonly NodeKind[]): readonly ArchNode[];
  /** The node's label and id as normalised words (see `text.ts`), read once when the graph is built. */
  matchWords(node: ArchNode): Words;
}
