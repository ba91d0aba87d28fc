;; Grows its memory 16 pages at a time for as long as it can, then traps.
(module
  (memory (export "memory") 1)
  (func (export "uplink") (result i32)
    (loop $more
      (br_if $more (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))
    unreachable))
