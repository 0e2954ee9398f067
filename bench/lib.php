<?php
/** Helpers shared by the bench/*.php drivers. */

/** CPU seconds (utime+stime) of $pid and all its descendants. */
function tree_cpu(int $pid): float
{
    $procs = [];
    foreach (glob('/proc/[0-9]*/stat') as $f) {
        $s = @file_get_contents($f);
        if ($s === false) {
            continue;
        }
        $rest = explode(' ', substr($s, strrpos($s, ')') + 2));
        $procs[(int)basename(dirname($f))] = [(int)$rest[1], (int)$rest[11] + (int)$rest[12]];
    }
    $todo = [$pid];
    $ticks = 0;
    while ($todo) {
        $p = array_pop($todo);
        $ticks += $procs[$p][1] ?? 0;
        foreach ($procs as $c => [$ppid]) {
            if ($ppid === $p) {
                $todo[] = $c;
            }
        }
    }
    return $ticks / 100;
}
