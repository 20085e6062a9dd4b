import { hasAny, toWords } from '../model/text';
import { finding, namedList, severityForNeed } from './finding';
import type { Finding, Rule } from './types';

const RULE = 'cdn-object-storage';
const MEDIA_WORDS = ['media', 'image', 'images', 'photo', 'photos', 'video', 'videos', 'file', 'files', 'blob', 'blobs', 'attachment', 'attachments', 'upload', 'uploads', 'thumbnail', 'thumbnails', 'audio'];

/** Static and media content: served from a CDN, stored in object storage, never in a database. */
export const cdnObjectStorage: Rule = (graph, params) => {
  const { cdn, objectStorage } = params.rubric;
  if (cdn === 'none' && objectStorage === 'none') return [];
  const findings: Finding[] = [];
  const cdns = graph.ofKind('cdn');
  const buckets = graph.ofKind('object_storage');
  if (objectStorage !== 'none') {
    const mediaDbs = graph.ofKind('database').filter((n) => hasAny(toWords(n.label), MEDIA_WORDS));
    if (mediaDbs.length > 0) {
      findings.push(
        finding(RULE, 'major', mediaDbs.map((n) => n.id), 'object-storage', {
          message: `${namedList(mediaDbs)} keeps media files in a database.`,
          why: 'Large binary objects bloat database storage, backups and replication; object storage is cheaper, effectively unlimited and made for it.',
          fix: 'Store the bytes in object storage (e.g. `Media[(S3 bucket)]`) and keep only the object key and metadata in the database.',
        }),
      );
    }
    if (buckets.length === 0) {
      findings.push(
        finding(RULE, severityForNeed(objectStorage), [], 'object-storage', {
          message: 'No object storage for media and static files.',
          why: 'Media and static files belong in a blob store built for large objects, not on service disks or in the database.',
          fix: 'Add object storage, e.g. `Media[(S3 bucket)]`, written by the upload path.',
        }),
      );
    }
  }
  if (cdn !== 'none' && cdns.length === 0) {
    findings.push(
      finding(RULE, severityForNeed(cdn), buckets.map((n) => n.id), 'cdn', {
        message: 'No CDN in front of static and media content.',
        why: 'Serving every image or video from the origin adds latency for distant users and puts all the bandwidth on your own servers.',
        fix: 'Put a CDN in front of the object storage: `Client --> CDN[CDN] --> Media[(S3 bucket)]`.',
      }),
    );
  }
  if (cdns.length > 0 && buckets.length > 0) {
    const bucketIds = new Set(buckets.map((b) => b.id as string));
    // Directly, or through an origin shield (a cache or second CDN tier between the edge and the bucket).
    const reachesBucket = (id: string): boolean => graph.neighbours(id).some((n) => bucketIds.has(n.id));
    const linked = cdns.some((c) => reachesBucket(c.id) || graph.neighbours(c.id).some((n) => (n.kind === 'cache' || n.kind === 'cdn') && reachesBucket(n.id)));
    if (!linked) {
      findings.push(
        finding(RULE, 'minor', [...cdns, ...buckets].map((n) => n.id), 'cdn', {
          message: `The CDN ${namedList(cdns)} is not connected to the object storage ${namedList(buckets)}.`,
          why: 'A CDN caches content it pulls from an origin; the bucket holding the media is the natural origin.',
          fix: `Draw the origin edge, e.g. \`${cdns[0]?.id ?? 'CDN'} -->|origin| ${buckets[0]?.id ?? 'Media'}\`.`,
        }),
      );
    }
  }
  return findings;
};
