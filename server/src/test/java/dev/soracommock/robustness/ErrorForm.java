package dev.soracommock.robustness;

import tools.jackson.databind.json.JsonMapper;

/** {@link dev.soracommock.support.ErrorForm} for the raw calls of the robustness tests. */
final class ErrorForm {

    private ErrorForm() {
    }

    /** What is wrong with the answer, or {@code null} when it is acceptable. */
    static String problem(RawHttp.Call call, RawHttp.Answer answer, JsonMapper json) {
        return dev.soracommock.support.ErrorForm.problem(call.method(), call.pathAndQuery(), answer.status(), answer.contentType(),
                answer.body());
    }

    static String shorten(String s) {
        return dev.soracommock.support.ErrorForm.shorten(s);
    }
}
