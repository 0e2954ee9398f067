<?php
// Swoole\Server\Helper: the hooks Swoole's PHP library runs in a server
// process just before the script's own callback for the same event (called
// from src/stats_file.rs); here the `stats_file` timer. Swoole keeps this
// logic in PHP, and so does this extension (see src/request.rs): warnings
// and the values the script sees in $server->stats_timer come out as Swoole's.
// Defined in each request while swoole.enable_library is On; Off, there is no
// stats file, as in Swoole.
declare(strict_types=1);

namespace Swoole\Server;

use Swoole\Server;
use Swoole\Timer;

class Helper
{
    /** milliseconds between two writes of `stats_file` when `stats_timer_interval` is empty */
    public const STATS_TIMER_INTERVAL_TIME = 1000;

    /**
     * Event worker 0 of a server with `stats_file` set ticks: each tick
     * overwrites the file with what $server->stats() says then.
     * $server->stats_timer holds the timer's id (false when tick() refused
     * the interval), null in every other process.
     */
    public static function onWorkerStart(Server $server, int $workerId): void
    {
        if ($workerId != 0 || empty($server->setting['stats_file'])) {
            return;
        }
        $interval = $server->setting['stats_timer_interval'] ?? null;
        $ms = empty($interval) ? self::STATS_TIMER_INTERVAL_TIME : intval($interval);
        $server->stats_timer = Timer::tick($ms, static function () use ($server): void {
            $path = $server->setting['stats_file'];
            file_put_contents($path, self::statsText($path, $server->stats()));
        });
    }

    /** A stopping worker clears its stats timer, which would keep it alive. */
    public static function onWorkerExit(Server $server, int $workerId): void
    {
        if ($server->stats_timer) {
            Timer::clear($server->stats_timer);
            $server->stats_timer = null;
        }
    }

    /**
     * The file's text, chosen by its name: `.json` gets JSON, `.php` a PHP
     * file returning the array, anything else one `key: value` line per
     * entry (no newline after the last).
     */
    private static function statsText(string $path, array $stats): string
    {
        if (str_ends_with($path, '.json')) {
            return json_encode($stats, JSON_THROW_ON_ERROR);
        }
        if (str_ends_with($path, '.php')) {
            return "<?php\nreturn " . var_export($stats, true) . ";\n";
        }
        $lines = [];
        foreach ($stats as $key => $value) {
            $lines[] = "$key: $value";
        }
        return implode("\n", $lines);
    }
}
