/** Kubernetes objects read from a label's words. */

/** A pod or a set of them ("Frontend Pod", "Pods: api"). */
export const namesPod = (label: string): boolean => /\bpods?\b/i.test(label);

/** A box named as a Service ("Backend Service", "Service: api-svc"), the object Kubernetes balances pods behind. */
export const namesClusterService = (label: string): boolean => /\b(?:service|svc)\b/i.test(label);
