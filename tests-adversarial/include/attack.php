<?php
/**
 * Runs one attacker of attackers.php in this process (no extension loaded):
 * php attack.php NAME JSON-ARGUMENTS. Prints its result as the last line, in JSON.
 */
require __DIR__ . '/adv.php';

$attack = 'attack_' . $argv[1];
echo "\n", json_encode($attack(json_decode($argv[2], true))), "\n";
