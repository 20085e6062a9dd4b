import { describe, expect, it } from 'vitest';
import { instancesOf } from '../../../rubrics/model/instances';

describe('instancesOf: a plural head noun is several copies, a dotted code name is one module', () => {
  it.each([
    ['"App servers"', 'App servers', 'many'],
    ['"Workers"', 'Workers\nimage resizing', 'many'],
    ['"Billing.Services", a project named with a dot', 'Billing.Services\nInvoices, Refunds', 1],
    ['"Acme.Shop.Workers", a namespace', 'Acme.Shop.Workers', 1],
    ['"Node.js Workers": a framework, then a plural head', 'Node.js Workers', 'many'],
    ['"Billing Service"', 'Billing Service', 1],
  ] as const)('%s → %s', (_name, label, expected) => {
    expect(instancesOf(label, 'square')).toBe(expected);
  });
});

describe('instancesOf: a short plural of a component word ("LBs", "DBs") is several copies, an acronym ending in s is one', () => {
  it.each([
    ['Regional LBs', 'many'],
    ['DBs', 'many'],
    ['Postgres DBs', 'many'],
    ['App VMs', 'many'],
    ['AWS RDS', 1],
    ['ECS', 1],
    ['GCS bucket', 1],
    ['Route 53 DNS', 1],
    ['Regional LB', 1],
  ] as const)('%j → %s', (label, expected) => {
    expect(instancesOf(label, 'square')).toBe(expected);
  });
});

describe('instancesOf: a label that says one copy outright is one, whatever group word follows', () => {
  it.each([
    ['Kafka · single-node cluster', 1],
    ['MongoDB single node replica set', 1],
    ['Redis (standalone)', 1],
    ['Postgres · not replicated', 1],
    ['Elasticsearch one-node cluster', 1],
    ['Kafka cluster', 'many'],
    ['MongoDB replica set', 'many'],
    ['Workers (one per shard)', 'many'],
  ] as const)('%j → %s', (label, expected) => {
    expect(instancesOf(label, 'square')).toBe(expected);
  });
});

describe("instancesOf: a label naming both a primary's and a copy's role describes the pair", () => {
  it.each([
    ['Ledger - Postgres primary, sync replica, auto failover', 'many'],
    ['MySQL (master; slave for reads)', 'many'],
    ['Leader with a standby', 'many'],
    ['Orders DB primary', 1],
    ['Secondary index store', 1],
    // a key, an index or a social graph's followers are not copies, nor is a copy said to be missing
    ['Users · primary key user_id, secondary index on email', 1],
    ['Followers DB · Postgres primary', 1],
    ['Cache node · primary, no replica yet', 1],
    // the primary a copy is "of" is the node copied: this box is the one copy
    ['Standby of the leader', 1],
    ['Read replica of the primary', 1],
    ['Orders DB read replica (of primary)', 1],
    ['Replica for the orders primary', 1],
    // followers counted beside a leader are its copies; a social graph's followers are not
    ['Postgres leader + 2 followers', 'many'],
    ['MySQL leader with followers', 'many'],
    // a copy added to the store named: "1 replica" counts the copy, not the store
    ['Orders · Postgres + replica', 'many'],
    ['Postgres + 1 replica', 'many'],
    ['Postgres + read replica', 'many'],
    ['Postgres, 1 replica', 'many'],
    ['Redis · 1 replica', 'many'],
  ] as const)('%j → %s', (label, expected) => {
    expect(instancesOf(label, 'cyl')).toBe(expected);
  });
});

describe('instancesOf: words a negation takes back say nothing about the copies', () => {
  it.each([
    ['Postgres · no replicas', 1],
    ['Redis · without a cluster', 1],
    ['API · not auto-scaled yet', 1],
    ['Workers · no autoscaling', 'many'],
    ['Postgres · replicas: 3', 3],
  ] as const)('%j → %s', (label, expected) => {
    expect(instancesOf(label, 'square')).toBe(expected);
  });
});
