;; uplink: without a location returns -5; with one returns trunc(lat * 1000). downlink: trunc(lon * 1000).
(module
  (import "env" "orbit_has_location" (func $has (result i32)))
  (import "env" "orbit_get_location_lat" (func $lat (result f64)))
  (import "env" "orbit_get_location_lon" (func $lon (result f64)))
  (memory (export "memory") 1)
  (func (export "uplink") (result i32)
    (if (result i32) (call $has)
      (then (i32.trunc_sat_f64_s (f64.mul (call $lat) (f64.const 1000))))
      (else (i32.const -5))))
  (func (export "downlink") (result i32)
    (i32.trunc_sat_f64_s (f64.mul (call $lon) (f64.const 1000)))))
