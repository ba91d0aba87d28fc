package dev.soracommock.soralet;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a module: a fresh instance with Orbit's host functions (module {@code env}, facts §1.2) and the WASI
 * preview 1 imports Orbit SDK modules link, then {@code _initialize} / {@code _start} when exported, then the export
 * named by the direction. Strings and buffers are (pointer, length) pairs in the module's memory, raw UTF-8; a getter
 * copies at most the length it is given and returns how many bytes it copied. Not thread-safe: one per run.
 */
final class OrbitRun {

    /** What the module sees. {@code tags} is the sender's tags (changed by the run, the changes kept apart). */
    record Input(byte[] buffer, byte[] originalRequest, Map<String, String> source, Map<String, String> tags,
            Double lat, Double lon, long timestamp, String userdata) {
    }

    /** A run that did not end normally; {@code message} says why, for the caller and the soralet's log. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_OUTPUT_BYTES = 4_194_304;
    private static final List<ValType> I32 = List.of(ValType.I32);
    private static final List<ValType> I32_I32 = List.of(ValType.I32, ValType.I32);
    private static final List<ValType> NONE = List.of();

    private final Input input;
    private final int memoryPages;
    private final Map<String, String> tags;
    final Map<String, String> tagsSet = new LinkedHashMap<>();
    final Set<String> tagsDeleted = new LinkedHashSet<>();
    final List<String> logs = java.util.Collections.synchronizedList(new ArrayList<>());
    private int logBytes;
    byte[] output;
    String outputContentType;
    private final ByteArrayOutputStream stdout = new Bounded();

    OrbitRun(Input input, int memoryPages) {
        this.input = input;
        this.memoryPages = memoryPages;
        this.tags = new LinkedHashMap<>(input.tags());
    }

    /** Runs the module's {@code direction} export and answers its result code; throws {@link Failure}. */
    int run(WasmModule module, String direction) {
        if (!exportsFunction(module, direction)) {
            throw new Failure("the module exports no function '" + direction + "'");
        }
        Instance.Builder builder = Instance.builder(module).withStart(false);
        if (module.memorySection().isPresent() && module.memorySection().get().memoryCount() > 0) {
            MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
            if (declared.initialPages() > memoryPages) {
                throw new Failure("the module needs " + declared.initialPages() + " pages of memory, over the limit of "
                        + memoryPages + " pages");
            }
            builder.withMemoryLimits(new MemoryLimits(declared.initialPages(),
                    Math.min(declared.maximumPages(), memoryPages)));
        }
        WasiOptions options = WasiOptions.builder().withStdout(stdout).withStderr(stdout).build();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            builder.withImportValues(ImportValues.builder().addFunction(orbit()).addFunction(wasi.toHostFunctions()).build());
            try {
                Instance instance = builder.build();
                for (String init : List.of("_initialize", "_start")) {
                    if (exportsFunction(module, init)) {
                        try {
                            instance.export(init).apply();
                        } catch (WasiExitException exit) {
                            if (exit.exitCode() != 0) {
                                throw new Failure(init + " exited with code " + exit.exitCode());
                            }
                        }
                    }
                }
                long[] result;
                try {
                    result = instance.export(direction).apply();
                } catch (WasiExitException exit) {
                    if (exit.exitCode() != 0) {
                        throw new Failure(direction + " exited with code " + exit.exitCode());
                    }
                    result = new long[] {0};
                }
                return result == null || result.length == 0 ? 0 : (int) result[0];
            } finally {
                flushStdout();
            }
        } catch (Failure | com.dylibso.chicory.runtime.ChicoryInterruptedException e) {
            throw e;
        } catch (TrapException e) {
            throw new Failure("trap: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new Failure("trap: call stack exhausted");
        } catch (RuntimeException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof Failure f) {
                    throw f;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new com.dylibso.chicory.runtime.ChicoryInterruptedException(e);
            }
            throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean exportsFunction(WasmModule module, String name) {
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export e = module.exportSection().getExport(i);
            if (e.name().equals(name) && e.exportType() == ExternalType.FUNCTION) {
                return true;
            }
        }
        return false;
    }

    private HostFunction[] orbit() {
        return new HostFunction[] {
            fn("orbit_log", I32_I32, NONE, (m, a) -> {
                log(new String(read(m, a[0], a[1]), StandardCharsets.UTF_8));
                return null;
            }),
            fn("orbit_get_input_buffer_len", NONE, I32, (m, a) -> new long[] {input.buffer().length}),
            fn("orbit_get_input_buffer", I32_I32, I32, (m, a) -> new long[] {copy(m, input.buffer(), a[0], a[1])}),
            fn("orbit_get_tag_value_len", I32_I32, I32, (m, a) -> new long[] {utf8(tags.get(string(m, a[0], a[1]))).length}),
            fn("orbit_get_tag_value", List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), I32,
                    (m, a) -> new long[] {copy(m, utf8(tags.get(string(m, a[0], a[1]))), a[2], a[3])}),
            fn("orbit_get_source_value_len", I32_I32, I32,
                    (m, a) -> new long[] {utf8(input.source().get(string(m, a[0], a[1]))).length}),
            fn("orbit_get_source_value", List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), I32,
                    (m, a) -> new long[] {copy(m, utf8(input.source().get(string(m, a[0], a[1]))), a[2], a[3])}),
            fn("orbit_has_location", NONE, I32, (m, a) -> new long[] {input.lat() != null && input.lon() != null ? 1 : 0}),
            fn("orbit_get_location_lat", NONE, List.of(ValType.F64), (m, a) -> new long[] {f64(input.lat())}),
            fn("orbit_get_location_lon", NONE, List.of(ValType.F64), (m, a) -> new long[] {f64(input.lon())}),
            fn("orbit_get_timestamp", NONE, List.of(ValType.I64), (m, a) -> new long[] {input.timestamp()}),
            fn("orbit_get_userdata_len", NONE, I32, (m, a) -> new long[] {utf8(input.userdata()).length}),
            fn("orbit_get_userdata", I32_I32, I32, (m, a) -> new long[] {copy(m, utf8(input.userdata()), a[0], a[1])}),
            fn("orbit_get_original_request_len", NONE, I32, (m, a) -> new long[] {input.originalRequest().length}),
            fn("orbit_get_original_request", I32_I32, I32,
                    (m, a) -> new long[] {copy(m, input.originalRequest(), a[0], a[1])}),
            fn("orbit_set_output", I32_I32, NONE, (m, a) -> {
                if (a[1] > MAX_OUTPUT_BYTES) {
                    throw new Failure("the output is over " + MAX_OUTPUT_BYTES + " bytes");
                }
                output = read(m, a[0], a[1]);
                return null;
            }),
            fn("orbit_set_output_content_type", I32_I32, NONE, (m, a) -> {
                outputContentType = string(m, a[0], a[1]);
                return null;
            }),
            fn("orbit_set_tag_value", List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), NONE, (m, a) -> {
                String name = string(m, a[0], a[1]);
                String value = string(m, a[2], a[3]);
                tags.put(name, value);
                tagsSet.put(name, value);
                tagsDeleted.remove(name);
                return null;
            }),
            fn("orbit_delete_tag_value", I32_I32, NONE, (m, a) -> {
                String name = string(m, a[0], a[1]);
                tags.remove(name);
                tagsSet.remove(name);
                tagsDeleted.add(name);
                return null;
            }),
            // AssemblyScript's default abort (SDK builds replace it; a module built without that flag imports it)
            fn("abort", List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), NONE, (m, a) -> {
                throw new Failure("abort called (line " + a[2] + ", column " + a[3] + ")");
            }),
        };
    }

    private interface Body {
        long[] apply(com.dylibso.chicory.runtime.Memory memory, int[] args);
    }

    private static HostFunction fn(String name, List<ValType> params, List<ValType> results, Body body) {
        return new HostFunction("env", name, FunctionType.of(params, results), (instance, args) -> {
            int[] ints = new int[args.length];
            for (int i = 0; i < args.length; i++) {
                ints[i] = (int) args[i];
            }
            return body.apply(instance.memory(), ints);
        });
    }

    private void log(String text) {
        int bytes = utf8(text).length;
        if (logBytes + bytes <= SoraletService.MAX_LOG_BYTES) {
            logs.add(text);
        }
        logBytes += bytes;
    }

    private void flushStdout() {
        if (stdout.size() > 0) {
            String text = stdout.toString(StandardCharsets.UTF_8).stripTrailing();
            if (!text.isEmpty()) {
                log(text);
            }
        }
    }

    private static byte[] read(com.dylibso.chicory.runtime.Memory m, int ptr, int len) {
        if (len < 0 || ptr < 0) {
            throw new Failure("trap: out of bounds memory access");
        }
        return len == 0 ? new byte[0] : m.readBytes(ptr, len);
    }

    private static String string(com.dylibso.chicory.runtime.Memory m, int ptr, int len) {
        return new String(read(m, ptr, len), StandardCharsets.UTF_8);
    }

    private static int copy(com.dylibso.chicory.runtime.Memory m, byte[] value, int dst, int dstLen) {
        int n = Math.max(0, Math.min(value.length, dstLen));
        if (n > 0) {
            if (dst < 0) {
                throw new Failure("trap: out of bounds memory access");
            }
            m.write(dst, value, 0, n);
        }
        return n;
    }

    private static byte[] utf8(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static long f64(Double d) {
        return Double.doubleToRawLongBits(d == null ? Double.NaN : d);
    }

    /** WASI's stdout and stderr, kept (as the run's log) up to the log limit. */
    private static final class Bounded extends ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            if (count < SoraletService.MAX_LOG_BYTES) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, Math.max(0, Math.min(len, SoraletService.MAX_LOG_BYTES - count)));
        }
    }
}
