import { describe, expect, it } from 'vitest';
import { fc, graphOf } from '../helpers';

/** A box inside a group, behind a managed balancer, writing a replicated store. */
const inGroup = (title: string, box: string): string =>
  fc('U([Users]) --> LB[Load balancer · managed]', `subgraph G ["${title}"]`, `  F[${box}]`, 'end', 'LB --> F', 'F --> D[(Orders · DynamoDB)]');

describe('a box inside a group titled by the managed platform that runs it', () => {
  it.each([
    ['Cloud Functions (2nd Gen)', 'file-upload-function · HTTP trigger'],
    ['Cloud Run', 'web-api Service · FastAPI'],
    ['AWS Lambda', 'Checkout handler'],
    ['Azure Functions', 'Resize worker'],
    ['Fargate tasks', 'Orders API'],
  ])('%j runs %j with the platform copies', async (title, box) => {
    expect((await graphOf(inGroup(title, box))).node('F')).toMatchObject({ redundantByDefault: true });
  });

  it.each([
    ['Services', 'Orders API'],
    ['Kubernetes cluster', 'Orders API'],
    ['Backend', 'Checkout handler'],
  ])('a group that names no managed platform (%j) leaves %j one instance', async (title, box) => {
    expect((await graphOf(inGroup(title, box))).node('F')).toMatchObject({ redundantByDefault: false, instances: 1 });
  });

  it.each([
    ['Kafka', 'orders topic', 'F'],
    ['Amazon DynamoDB', 'Users table', 'F'],
    ['Aurora cluster', 'Primary', 'F'],
  ])('a store inside a group titled by the cluster or managed store that holds it (%j) is held with its copies: %j', async (title, box) => {
    const graph = await graphOf(fc('U([Users]) --> A[App ×2]', `subgraph G ["${title}"]`, `  F[(${box})]`, 'end', 'A --> F'));
    expect(graph.node('F')).toMatchObject({ redundantByDefault: true });
  });

  it.each([
    ['Cloudflare', 'Orders API'],
    ['Kafka', 'Schema registry service'],
  ])('a vendor of several products, or a product of another kind, does not lend its copies (%j around %j)', async (title, box) => {
    expect((await graphOf(inGroup(title, box))).node('F')).toMatchObject({ redundantByDefault: false });
  });

  it('does not make a store inside the group managed: the platform runs compute, not data', async () => {
    const graph = await graphOf(fc('U([Users]) --> LB[Load balancer · managed]', 'subgraph G ["Cloud Run"]', '  F[Orders API]', '  R[(Sessions · Redis)]', 'end', 'LB --> F --> R'));
    expect(graph.node('R')).toMatchObject({ kind: 'cache', redundantByDefault: false });
  });
});
