package dev.soracommock.soralet;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Parsed modules, by soralet version and code hash (a run instantiates a fresh instance from the parsed module, so
 * nothing of one run is seen by the next). Bounded by the modules' byte sizes, so that the 128 MB test heap holds.
 */
@Component
class ModuleCache {

    record Key(String operatorId, String soraletId, long version, String hash) {
    }

    private final Cache<Key, WasmModule> modules = Caffeine.newBuilder()
            .maximumWeight(24L * 1024 * 1024)
            .weigher((Key k, WasmModule m) -> 1 + weightOf(m))
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** The module of a version, parsed once. */
    WasmModule get(Key key, Supplier<byte[]> code) {
        return modules.get(key, k -> parse(code.get()));
    }

    /** Refuses (400 SLM1007) what is not a WebAssembly module. */
    void check(byte[] code) {
        parse(code);
    }

    void forget(String operatorId, String soraletId) {
        modules.asMap().keySet().removeIf(k -> k.operatorId().equals(operatorId) && k.soraletId().equals(soraletId));
    }

    private static WasmModule parse(byte[] code) {
        if (code == null || code.length == 0) {
            throw new ApiException(ErrorCode.SORALET_CODE_INVALID, "the body is empty");
        }
        try {
            return Parser.parse(code);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ApiException(ErrorCode.SORALET_CODE_INVALID, String.valueOf(e.getMessage()));
        }
    }

    /** About the module's size in memory: its code and data, a few times their byte counts. */
    private static int weightOf(WasmModule m) {
        long bytes = 0;
        for (int i = 0; i < m.codeSection().functionBodyCount(); i++) {
            bytes += 64L * m.codeSection().getFunctionBody(i).instructions().size();
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, bytes);
    }
}
