;; Logs, then traps (unreachable).
(module
  (import "env" "orbit_log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "about to trap")
  (func (export "uplink") (result i32)
    (call $log (i32.const 0) (i32.const 13))
    unreachable))
