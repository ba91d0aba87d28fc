;; Wraps the payload with the sender's IMSI: answers {"imsi":"<imsi>","data":<input buffer>} as application/json
;; (the device pipeline's test: Orbit's output is what Harvest Data stores).
(module
  (import "env" "orbit_get_input_buffer_len" (func $in_len (result i32)))
  (import "env" "orbit_get_input_buffer" (func $in (param i32 i32) (result i32)))
  (import "env" "orbit_get_source_value_len" (func $len (param i32 i32) (result i32)))
  (import "env" "orbit_get_source_value" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "env" "orbit_set_output" (func $out (param i32 i32)))
  (import "env" "orbit_set_output_content_type" (func $type (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "application/json")
  (data (i32.const 32) "imsi")
  (data (i32.const 64) "\22,\22data\22:")
  (data (i32.const 8192) "{\22imsi\22:\22")
  (func (export "uplink") (result i32)
    (local $p i32)
    ;; the IMSI right after the prefix
    (local.set $p (i32.add (i32.const 8201)
      (call $get (i32.const 32) (i32.const 4) (i32.const 8201) (call $len (i32.const 32) (i32.const 4)))))
    ;; ","data":
    (memory.copy (local.get $p) (i32.const 64) (i32.const 9))
    (local.set $p (i32.add (local.get $p) (i32.const 9)))
    ;; the payload, then the closing brace
    (local.set $p (i32.add (local.get $p) (call $in (local.get $p) (call $in_len))))
    (i32.store8 (local.get $p) (i32.const 125))
    (call $out (i32.const 8192) (i32.sub (i32.add (local.get $p) (i32.const 1)) (i32.const 8192)))
    (call $type (i32.const 0) (i32.const 16))
    (i32.const 0)))
