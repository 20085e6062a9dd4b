/** Kubernetes objects read from a label's words. */

/** A pod or a set of them ("Frontend Pod", "Pods: api"). */
export const namesPod = (label: string): boolean => /\bpods?\b/i.test(label);

/** A box named as a Service ("Backend Service", "Service: api-svc"), the object Kubernetes balances pods behind. */
export const namesClusterService = (label: string): boolean => /\b(?:service|svc)\b/i.test(label);

/** A Kubernetes cluster named in a group's title: "Kubernetes Cluster", "Azure Kubernetes Service (AKS)", "EKS", "Namespace: app". */
export const namesKubernetesCluster = (title: string): boolean => /\b(?:kubernetes|k8s|aks|eks|gke|namespace)\b/i.test(title);

/**
 * A Service of type LoadBalancer, written as Kubernetes spells it ("LoadBalancer", "type:
 * LoadBalancer"): the cloud provisions its own balancer for it. Only read inside a cluster, where
 * the word is the type's name and not a box's id.
 */
export const namesLoadBalancerType = (text: string): boolean => /\bLoadBalancer\b/.test(text) || /\btype\s*:\s*loadbalancer\b/i.test(text);
