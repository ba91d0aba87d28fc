package dev.soracommock.web;

import org.springframework.http.HttpStatus;

/**
 * Every error this server answers, in one place: code, HTTP status, and the message in English and Japanese
 * ({@code %s} placeholders filled from the exception's arguments). Codes seen on the real API keep their real
 * code and wording (see soracom-facts §5); the others are invented within the real prefixes (AUM = auth and users,
 * COM = common, SEM = subscribers, SBX = sandbox, PAY = payment) and MCK for what only the emulator has.
 * docs/ERROR_CODES.md is generated from this enum (a test fails when it is stale).
 */
public enum ErrorCode {

    // --- authentication (401) ---
    AUTH_HEADERS_MISSING("AUM0001", HttpStatus.UNAUTHORIZED,
            "Token is required in the request header",
            "リクエストヘッダーに API キーと API トークンが必要です"),
    AUTH_FAILED("AUM0002", HttpStatus.UNAUTHORIZED,
            "Invalid username/password supplied.",
            "ユーザー名またはパスワードが正しくありません。"),
    API_KEY_TOKEN_MISMATCH("AUM0005", HttpStatus.UNAUTHORIZED,
            "The API key does not match the API token.",
            "API キーと API トークンが一致しません。"),
    TOKEN_INVALID("AUM0006", HttpStatus.UNAUTHORIZED,
            "The API token is invalid.",
            "API トークンが不正です。"),
    TOKEN_EXPIRED("AUM0007", HttpStatus.UNAUTHORIZED,
            "The API token has expired.",
            "API トークンの有効期限が切れています。"),
    TOKEN_REVOKED("AUM0008", HttpStatus.UNAUTHORIZED,
            "The API key and API token have been revoked.",
            "API キーと API トークンは無効化されています。"),
    UNKNOWN_API_KEY("AUM0009", HttpStatus.UNAUTHORIZED,
            "The API key is unknown.",
            "API キーが存在しません。"),

    // --- identity and operators ---
    EMAIL_ALREADY_REGISTERED("AUM0003", HttpStatus.BAD_REQUEST,
            "This email is already registered.",
            "このメールアドレスは既に登録されています。"),
    INVALID_OPERATOR_ID("AUM0016", HttpStatus.BAD_REQUEST,
            "Invalid Operator Id.",
            "オペレーター ID が正しくありません。"),
    TOKEN_TIMEOUT_OUT_OF_RANGE("AUM0017", HttpStatus.BAD_REQUEST,
            "tokenTimeoutSeconds must be between %s and %s.",
            "tokenTimeoutSeconds は %s から %s の範囲で指定してください。"),
    AUTH_KEY_NOT_FOUND("AUM0018", HttpStatus.NOT_FOUND,
            "The specified auth key does not exist.",
            "指定された認証キーは存在しません。"),
    INVALID_COVERAGE_TYPE("AUM0019", HttpStatus.BAD_REQUEST,
            "Invalid coverage type: %s",
            "カバレッジタイプが正しくありません: %s"),

    // --- operator account ---
    ACCOUNT_INFORMATION_EXISTS("AUM0032", HttpStatus.BAD_REQUEST,
            "The %s information is already registered; update it instead.",
            "%s 情報は既に登録されています。更新してください。"),
    ACCOUNT_INFORMATION_MISSING("AUM0033", HttpStatus.NOT_FOUND,
            "No %s information is registered.",
            "%s 情報が登録されていません。"),
    CONFIGURATION_VERSION_MISMATCH("AUM0034", HttpStatus.CONFLICT,
            "The configuration namespace is at version %s, not %s.",
            "設定のバージョンは %s です (%s ではありません)。"),
    NOT_FOUND_IN_ACCOUNT("AUM0035", HttpStatus.NOT_FOUND,
            "The specified %s does not exist.",
            "指定された %s は存在しません。"),
    PRIMARY_EMAIL("AUM0036", HttpStatus.BAD_REQUEST,
            "The operator's primary e-mail address cannot be deleted.",
            "オペレーターの主メールアドレスは削除できません。"),

    // --- SAM users, roles and permissions ---
    PERMISSION_DENIED("AUM0020", HttpStatus.FORBIDDEN,
            "You are not allowed to call %s.",
            "%s を呼び出す権限がありません。"),
    INVALID_PERMISSION("AUM0021", HttpStatus.BAD_REQUEST,
            "Invalid permission: %s",
            "権限の記述が正しくありません: %s"),
    USER_NOT_FOUND("AUM0022", HttpStatus.NOT_FOUND,
            "The specified user does not exist.",
            "指定されたユーザーは存在しません。"),
    USER_ALREADY_EXISTS("AUM0023", HttpStatus.BAD_REQUEST,
            "The specified user already exists.",
            "指定されたユーザーは既に存在します。"),
    ROLE_NOT_FOUND("AUM0024", HttpStatus.NOT_FOUND,
            "The specified role does not exist.",
            "指定されたロールは存在しません。"),
    ROLE_ALREADY_EXISTS("AUM0025", HttpStatus.BAD_REQUEST,
            "The specified role already exists.",
            "指定されたロールは既に存在します。"),
    WRONG_CURRENT_PASSWORD("AUM0026", HttpStatus.BAD_REQUEST,
            "The current password is not correct.",
            "現在のパスワードが正しくありません。"),
    PASSWORD_ALREADY_SET("AUM0027", HttpStatus.BAD_REQUEST,
            "The user already has a password.",
            "このユーザーには既にパスワードが設定されています。"),
    PASSWORD_NOT_SET("AUM0028", HttpStatus.BAD_REQUEST,
            "The user has no password.",
            "このユーザーにはパスワードが設定されていません。"),
    SWITCH_USER_NOT_TRUSTED("AUM0029", HttpStatus.FORBIDDEN,
            "The trust policy of %s does not allow %s to switch to it.",
            "%s の信頼ポリシーは %s からの切り替えを許可していません。"),
    INVALID_NAME("AUM0030", HttpStatus.BAD_REQUEST,
            "Invalid name: %s",
            "名前が正しくありません: %s"),
    ROLE_NOT_ATTACHED("AUM0031", HttpStatus.NOT_FOUND,
            "The role is not attached to the user.",
            "このロールはユーザーにアタッチされていません。"),

    // --- sandbox ---
    SANDBOX_BAD_PRODUCTION_CREDENTIALS("SBX1002", HttpStatus.BAD_REQUEST,
            "Email address, AuthKeyId, or AuthKey is not correct.",
            "メールアドレス、AuthKeyId、または AuthKey が正しくありません。"),
    SANDBOX_NO_VERIFIED_OPERATOR("SBX1003", HttpStatus.BAD_REQUEST,
            "Unable to get verified one time token. please create an user at first",
            "認証済みのワンタイムトークンを取得できません。先にユーザーを作成してください"),
    SANDBOX_OPERATOR_NOT_FOUND("SBX1004", HttpStatus.BAD_REQUEST,
            "Operator does not exist.",
            "オペレーターが存在しません。"),

    // --- request shape (common) ---
    MALFORMED_JSON("COM0001", HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON: %s",
            "リクエストボディが JSON として正しくありません: %s"),
    NOT_FOUND("COM0002", HttpStatus.NOT_FOUND,
            "No such resource: %s %s",
            "リソースが存在しません: %s %s"),
    INTERNAL_ERROR("COM0003", HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal server error. message:%s",
            "内部エラーが発生しました。message:%s"),
    METHOD_NOT_ALLOWED("COM0004", HttpStatus.METHOD_NOT_ALLOWED,
            "Method %s is not allowed on %s",
            "%s メソッドは %s では使用できません"),
    PAYLOAD_TOO_LARGE("COM0005", HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than %s bytes.",
            "リクエストボディが %s バイトを超えています。"),
    UNSUPPORTED_MEDIA_TYPE("COM0006", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Content type %s is not supported here.",
            "Content-Type %s はサポートされていません。"),
    RATE_LIMIT_EXCEEDED("COM0007", HttpStatus.TOO_MANY_REQUESTS,
            "Rate limit exceeded. Retry after %s seconds.",
            "リクエスト数が上限を超えました。%s 秒後に再試行してください。"),
    /** Real wording, typo included ("vaiolation"), as the real API answers for constraint violations. */
    VALIDATION_FAILED("COM0008", HttpStatus.BAD_REQUEST,
            "Constraint vaiolation of input value. message:%s",
            "入力値の制約違反です。message:%s"),
    NOT_ACCEPTABLE("COM0009", HttpStatus.NOT_ACCEPTABLE,
            "None of the accepted media types can be produced: %s",
            "要求されたメディアタイプでは応答できません: %s"),

    // --- eSIM Commerce sandbox (answered in the NestJS envelope under /esim-commerce/; codes are the emulator's) ---
    ESIM_API_KEY_MISSING("ESM0001", HttpStatus.UNAUTHORIZED,
            "X-API-Key header is required",
            "X-API-Key ヘッダーが必要です"),
    ESIM_BAD_REQUEST("ESM0002", HttpStatus.BAD_REQUEST,
            "%s",
            "%s"),
    ESIM_PLAN_NOT_FOUND("ESM0003", HttpStatus.NOT_FOUND,
            "Data plan %s not found",
            "データプラン %s が見つかりません"),
    ESIM_NOT_FOUND("ESM0004", HttpStatus.NOT_FOUND,
            "eSIM %s not found",
            "eSIM %s が見つかりません"),
    ESIM_TRANSACTION_NOT_FOUND("ESM0005", HttpStatus.NOT_FOUND,
            "Transaction %s not found",
            "トランザクション %s が見つかりません"),
    ESIM_CONFLICT("ESM0006", HttpStatus.CONFLICT,
            "%s",
            "%s"),
    ESIM_RATE_LIMITED("ESM0007", HttpStatus.TOO_MANY_REQUESTS,
            "ThrottlerException: Too Many Requests",
            "ThrottlerException: Too Many Requests"),

    // --- emulator only ---
    NOT_IMPLEMENTED_STRICT("MCK0001", HttpStatus.NOT_IMPLEMENTED,
            "%s is not implemented by soracom-mock (strict mode is on).",
            "%s は soracom-mock に実装されていません (strict モード)。"),
    INJECTED_FAULT("MCK0002", HttpStatus.INTERNAL_SERVER_ERROR,
            "Fault injected by soracom-mock: %s",
            "soracom-mock が注入した障害です: %s");

    private final String code;
    private final HttpStatus status;
    private final String english;
    private final String japanese;

    ErrorCode(String code, HttpStatus status, String english, String japanese) {
        this.code = code;
        this.status = status;
        this.english = english;
        this.japanese = japanese;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String template(Language language) {
        return language == Language.JA ? japanese : english;
    }

    public String message(Language language, Object... args) {
        String template = template(language);
        return args.length == 0 ? template : String.format(template, args);
    }
}
