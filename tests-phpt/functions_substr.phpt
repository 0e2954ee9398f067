--TEST--
swoole_substr_unserialize()/swoole_substr_json_decode(): decode a byte window (negative offset, length 0 = to the end); bad windows, depth, flags, options
--EXTENSIONS--
swoole
--FILE--
<?php
function show($v) { echo json_encode($v), ' ', gettype($v), "\n"; }

echo "== unserialize\n";
$data = serialize(['a' => 1, 'b' => [1, 2]]);
$s = "xx{$data}yy";
show(swoole_substr_unserialize($s, 2));                       // to the end: trailing bytes after a value are ignored
show(swoole_substr_unserialize($s, 2, strlen($data)));
show(swoole_substr_unserialize($s, -strlen($data) - 2, strlen($data)));
show(swoole_substr_unserialize($s, 2, 100000));               // a length past the end stops at the end
show(swoole_substr_unserialize('i:5;', 0, -3));               // length <= 0: to the end
show(swoole_substr_unserialize('xi:12345;', 1, 5));           // the window ends the value: "i:123" is not one
show(swoole_substr_unserialize('O:8:"stdClass":0:{}', 0, 0, ['allowed_classes' => false]));
echo "-- bad windows give false, silently\n";
var_dump(swoole_substr_unserialize('', 0), swoole_substr_unserialize('i:5;', 4), swoole_substr_unserialize('i:5;', 99),
    swoole_substr_unserialize('i:5;', -5));
echo "-- bad data and options\n";
var_dump(swoole_substr_unserialize('garbage', 0));
foreach ([['allowed_classes' => 5], ['max_depth' => -1]] as $options) {
    try {
        swoole_substr_unserialize('i:1;', 0, 0, $options);
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    swoole_substr_unserialize('i:1;', 'x');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}

echo "== json\n";
$j = 'xx{"a":1,"b":[1,2]}yy';
show(swoole_substr_json_decode($j, 2, strlen($j) - 4));
show(swoole_substr_json_decode($j, 2, strlen($j) - 4, true));
show(swoole_substr_json_decode('{"a":1}', 0, 0, null, 512, JSON_OBJECT_AS_ARRAY)); // null: the flags decide
show(swoole_substr_json_decode('{"a":1}', 0, 0, false, 512, JSON_OBJECT_AS_ARRAY));
show(swoole_substr_json_decode('{"a":1}', 0, 0, flags: JSON_OBJECT_AS_ARRAY)); // omitted is false
show(swoole_substr_json_decode('12345', -2));
show(swoole_substr_json_decode('12345', 1, 2));
show(swoole_substr_json_decode('123456789012345678901234567890', 0, 0, false, 512, JSON_BIGINT_AS_STRING));
echo "-- errors as json_decode() reports them\n";
var_dump(swoole_substr_json_decode($j, 2), json_last_error_msg());
var_dump(swoole_substr_json_decode('{"a":{"b":1}}', 0, 0, false, 2), json_last_error_msg());
var_dump(swoole_substr_json_decode('[1]', 0), json_last_error_msg());
try {
    swoole_substr_json_decode('[1', 0, 0, false, 512, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "-- bad windows and depths: a warning and null\n";
var_dump(swoole_substr_json_decode('', 0));
var_dump(swoole_substr_json_decode('12345', 5));
var_dump(swoole_substr_json_decode('12345', -6));
var_dump(swoole_substr_json_decode('12345', 0, 0, false, 0));
var_dump(swoole_substr_json_decode('12345', 0, 0, false, PHP_INT_MAX));
try {
    swoole_substr_json_decode('1', 0, 0, []);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
== unserialize
{"a":1,"b":[1,2]} array
{"a":1,"b":[1,2]} array
{"a":1,"b":[1,2]} array
{"a":1,"b":[1,2]} array
5 integer

Notice: swoole_substr_unserialize(): Error at offset 0 of 5 bytes in %s on line %d
false boolean
{"__PHP_Incomplete_Class_Name":"stdClass"} object
-- bad windows give false, silently
bool(false)
bool(false)
bool(false)
bool(false)
-- bad data and options

Notice: swoole_substr_unserialize(): Error at offset 0 of 7 bytes in %s on line %d
bool(false)
TypeError: swoole_substr_unserialize(): Option "allowed_classes" must be of type array|bool, int given
ValueError: swoole_substr_unserialize(): Option "max_depth" must be greater than or equal to 0
swoole_substr_unserialize(): Argument #2 ($offset) must be of type int, string given
== json
{"a":1,"b":[1,2]} object
{"a":1,"b":[1,2]} array
{"a":1} array
{"a":1} object
{"a":1} object
45 integer
23 integer
"123456789012345678901234567890" string
-- errors as json_decode() reports them
NULL
string(12) "Syntax error"
NULL
string(28) "Maximum stack depth exceeded"
array(1) {
  [0]=>
  int(1)
}
string(8) "No error"
JsonException: Syntax error
-- bad windows and depths: a warning and null

Warning: swoole_substr_json_decode(): Non-empty string required in %s on line %d
NULL

Warning: swoole_substr_json_decode(): Offset must be less than the length of the string in %s on line %d
NULL

Warning: swoole_substr_json_decode(): Offset must be not less than the negative length of the string in %s on line %d
NULL

Warning: swoole_substr_json_decode(): Depth must be greater than zero in %s on line %d
NULL

Warning: swoole_substr_json_decode(): Depth must be lower than 2147483647 in %s on line %d
NULL
swoole_substr_json_decode(): Argument #4 ($associative) must be of type ?bool, array given
