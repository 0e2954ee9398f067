"""bench/run's report of a ROUNDS=N run: per server, the median over the
rounds of its requests/s and CPU us/req, and the median of each round's
ratio to the same round's ceiling (and to OLD_SO's build and to real Swoole,
when they ran: the servers named "<name> old" and "<name> swoole").

Input: one line per measured server and round, tab-separated:
round, group, name, requests/s, p99 us, errors, mismatches, CPU us/req
("-" for a run that failed)."""
import statistics
import sys

rows = [line.rstrip('\n').split('\t') for line in open(sys.argv[1])]
order, by, cpu = [], {}, {}
for rnd, grp, name, rps, _p99, errs, mism, c in rows:
    if name not in by:
        order.append(name)
        by[name] = {'rps': [], 'cpu': [], 'ratio': [], 'old': [], 'swoole': [], 'errs': 0, 'mism': 0}
    b = by[name]
    if c == '-':
        continue
    b['rps'].append(float(rps))
    b['cpu'].append(float(c))
    b['errs'] += int(errs)
    b['mism'] += int(mism)
    cpu[(rnd, grp, name)] = float(c)
for (rnd, grp, name), c in cpu.items():
    if name.startswith('ceiling'):
        continue
    ceil = [v for (r, g, n), v in cpu.items() if r == rnd and g == grp and n.startswith('ceiling')]
    if ceil:
        by[name]['ratio'].append(c / ceil[0])
    for other in ('old', 'swoole'):
        if not name.endswith((' old', ' swoole')) and (rnd, grp, name + ' ' + other) in cpu:
            by[name][other].append(c / cpu[(rnd, grp, name + ' ' + other)])


def med(v, f='%.3f'):
    return (f % statistics.median(v)) if v else 'n/a'


extra = [k for k in ('old', 'swoole') if any(by[n][k] for n in order)]
head = '%-26s %6s %12s %7s %10s %11s %13s %11s' % (
    'server', 'rounds', 'requests/s', 'errors', 'mismatches', 'CPU us/req', 'min-max', 'vs ceiling')
print(head + ''.join('  %9s' % ('vs ' + k) for k in extra))
for n in order:
    b = by[n]
    rng = '%.2f-%.2f' % (min(b['cpu']), max(b['cpu'])) if b['cpu'] else '-'
    ratio = '1.00' if n.startswith('ceiling') else med(b['ratio'], '%.2f')
    line = '%-26s %6d %12s %7d %10d %11s %13s %11s' % (
        n, len(b['cpu']), med(b['rps'], '%.0f'), b['errs'], b['mism'], med(b['cpu']), rng, ratio)
    line += ''.join('  %9s' % med(b[k], '%.2f') for k in extra)
    print(line)
print()
print('Medians over the rounds. "vs ceiling": the median of each round\'s ratio to that round\'s ceiling'
      + ''.join('; "vs %s": the median of each round\'s ratio to the same server on %s' % (k, {'old': 'OLD_SO', 'swoole': 'real Swoole'}[k])
                for k in extra) + '.')
