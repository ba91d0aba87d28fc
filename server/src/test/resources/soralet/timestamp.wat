;; Answers orbit_get_timestamp as 8 bytes, little-endian, application/octet-stream.
(module
  (import "env" "orbit_get_timestamp" (func $ts (result i64)))
  (import "env" "orbit_set_output" (func $out (param i32 i32)))
  (import "env" "orbit_set_output_content_type" (func $type (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "application/octet-stream")
  (func (export "uplink") (result i32)
    (i64.store (i32.const 0) (call $ts))
    (call $out (i32.const 0) (i32.const 8))
    (call $type (i32.const 16) (i32.const 24))
    (i32.const 7)))
