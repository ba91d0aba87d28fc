;; Declares 512 pages (32 MiB) of memory from the start, over the 256-page limit.
(module
  (memory (export "memory") 512)
  (func (export "uplink") (result i32) (i32.const 0)))
