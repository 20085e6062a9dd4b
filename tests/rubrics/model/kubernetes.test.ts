import { describe, expect, it } from 'vitest';
import { namesClusterService, namesKubernetesCluster, namesLoadBalancerType, namesPod } from '../../../rubrics/model/kubernetes';
import { fc, graphOf } from '../helpers';

describe('Kubernetes objects read from a label', () => {
  it.each([
    ['Frontend Pod', true],
    ['Pods: api', true],
    ['Backend Service', false],
    ['iPod app', false],
  ])('namesPod(%j) → %s', (label, expected) => {
    expect(namesPod(label)).toBe(expected);
  });

  it.each([
    ['Frontend Service', true],
    ['api-svc', true],
    ['Frontend Pod', false],
  ])('namesClusterService(%j) → %s', (label, expected) => {
    expect(namesClusterService(label)).toBe(expected);
  });

  it.each([
    ['LoadBalancer', true],
    ['web (type: loadbalancer)', true],
    ['Load Balancer', false],
    ['loadbalancer', false],
  ])('namesLoadBalancerType(%j) → %s', (label, expected) => {
    expect(namesLoadBalancerType(label)).toBe(expected);
  });

  it.each([
    ['Azure Kubernetes Service (AKS)', true],
    ['K8s cluster', true],
    ['Namespace: shop', true],
    ['Cluster of web servers', false],
  ])('namesKubernetesCluster(%j) → %s', (title, expected) => {
    expect(namesKubernetesCluster(title)).toBe(expected);
  });
});

describe('a "Service" handing requests only to pods is the Kubernetes Service: a balancer', () => {
  it.each([
    ['in front of its pod', fc('I[Nginx Ingress] --> X[Frontend Service]', 'X --> P[Frontend Pod]'), 'load_balancer'],
    ['in front of its pod and the next Service', fc('I[Nginx Ingress] --> X[Backend Service]', 'X --> P[Backend Pod]', 'X --> M[MongoDB Service]', 'M --> MP[MongoDB Pod]'), 'load_balancer'],
    ['an application service calling a database', fc('I[Nginx Ingress] --> X[Orders Service]', 'X --> DB[(Orders DB)]'), 'service'],
    ['an application service calling a pod and a database', fc('I[Nginx Ingress] --> X[Orders Service]', 'X --> P[Worker Pod]', 'X --> DB[(Orders DB)]'), 'service'],
  ])('%s', async (_name, text, kind) => {
    const graph = await graphOf(text);
    expect(graph.node('X')?.kind).toBe(kind);
  });
});
