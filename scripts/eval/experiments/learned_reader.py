"""A learned reader of box kinds, measured against the rule reader (rubrics/model).

Offline experiment, not part of the app, the tests or CI. Needs python3 with scikit-learn and the
rows of dumpNodes.ts (see README.md here):

    python3 learned_reader.py <tuning rows> <test rows>

It trains only on the tuning half. Of the test half it prints figures only, never an item.
Kinds are compared as `npm run eval` compares them: web server, service and worker are one
"compute" class; queue and stream are one "messaging" class.
"""
import json
import re
import sys

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

CLASS_OF = {'web_server': 'compute', 'service': 'compute', 'worker': 'compute', 'queue': 'messaging', 'stream': 'messaging'}
FOLDS = 5
C = 3.0


def kind_class(kind):
    return CLASS_OF.get(kind, kind)


def tokens(text):
    spaced = re.sub(r'([a-z])([A-Z])', r'\1 \2', text or '')
    return [t for t in re.split(r'[^a-z0-9]+', spaced.lower()) if t]


def features(row):
    """What a reader sees of one box: its words, id, shape, classes, group titles and neighbours."""
    f = {}
    words = tokens(row['label'])
    for w in words:
        f['word=' + w] = 1
    for a, b in zip(words, words[1:]):
        f['pair=' + a + '_' + b] = 1
    if words:
        f['first=' + words[0]] = 1
        f['last=' + words[-1]] = 1
    padded = ' ' + ' '.join(words) + ' '
    for n in (3, 4, 5):
        for i in range(len(padded) - n + 1):
            key = 'chars=' + padded[i:i + n]
            f[key] = f.get(key, 0) + 0.2
    for w in tokens(row['id']):
        f['id=' + w] = 1
    f['shape=' + row['shape']] = 1
    for c in row['classes']:
        for w in tokens(c):
            f['class=' + w] = 1
    for depth, title in enumerate(row['titles'][:2]):
        for w in tokens(title):
            f['title%d=%s' % (depth, w)] = 1
    for side in ('callerKinds', 'calleeKinds'):
        for k in row[side]:
            key = side + '=' + kind_class(k)
            f[key] = f.get(key, 0) + 1
        f[side + '.count'] = min(len(row[side]), 3)
    return f


def model():
    return LogisticRegression(C=C, max_iter=3000)


def cross_validated(X, y, groups, keep_share=1.0, seed=0):
    """Accuracy over grouped folds (no repository in both a training and a held-out fold)."""
    rng = np.random.default_rng(seed)
    hits = 0
    for train, held in GroupKFold(FOLDS).split(X, y, groups):
        repos = np.unique(groups[train])
        kept = set(rng.choice(repos, max(1, int(len(repos) * keep_share)), replace=False))
        train = [i for i in train if groups[i] in kept]
        hits += (model().fit(X[train], y[train]).predict(X[held]) == y[held]).sum()
    return hits / len(y)


def main(tuning_path, test_path):
    tuning = json.load(open(tuning_path))
    test = json.load(open(test_path))
    y = np.array([kind_class(r['labelledKind']) for r in tuning])
    groups = np.array([r['repo'] for r in tuning])
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([features(r) for r in tuning])
    repos = len(np.unique(groups))

    print('tuning half: %d nodes, %d repositories' % (len(y), repos))
    print('  rule reader (written while looking at this half)   %.3f' % np.mean([kind_class(r['ruleKind']) == k for r, k in zip(tuning, y)]))
    print('  learned reader, %d-fold cross-validation by repo    %.3f' % (FOLDS, cross_validated(X, y, groups)))
    print('  learning curve (training repositories -> accuracy, mean of 3 draws):')
    for share in (0.125, 0.25, 0.5, 0.75, 1.0):
        mean = np.mean([cross_validated(X, y, groups, share, seed) for seed in range(3)])
        print('    %4d  %.3f' % (round(repos * (FOLDS - 1) / FOLDS * share), mean))

    yt = np.array([kind_class(r['labelledKind']) for r in test])
    rule = np.array([kind_class(r['ruleKind']) for r in test])
    learned = model().fit(X, y).predict(vectorizer.transform([features(r) for r in test]))
    disagree = learned != rule
    rule_wrong = rule != yt
    print('test half (figures only): %d nodes' % len(yt))
    print('  rule reader                                         %.3f' % (rule == yt).mean())
    print('  learned reader, trained on the whole tuning half    %.3f' % (learned == yt).mean())
    print('  either reader right (an upper bound on combining)   %.3f' % ((rule == yt) | (learned == yt)).mean())
    print('  boxes where the two disagree                        %.3f of boxes, %d of the rule reader\'s %d misreads' % (disagree.mean(), (rule_wrong & disagree).sum(), rule_wrong.sum()))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
