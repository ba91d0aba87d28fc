package dev.soracommock.kernel;

import org.springframework.http.HttpStatus;

/**
 * Every error this server answers, in one place: code, HTTP status, and the message in English and Japanese
 * ({@code %s} placeholders filled from the exception's arguments). Codes seen on the real API keep their real
 * code and wording (see soracom-facts §5); the others are invented within the real prefixes (AUM = auth and users,
 * COM = common, SEM = subscribers, SBX = sandbox, PAY = payment) and MCK for what only the emulator has.
 * docs/error-codes.md is generated from this enum (a test fails when it is stale).
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
    /** Real code and wording (soracom-facts §5: the legacy sign-up's password rule). */
    PASSWORD_FORMAT_INVALID("AUM0010", HttpStatus.BAD_REQUEST,
            "Invalid password format.",
            "パスワードの形式が正しくありません。"),
    /** The legacy sign-up's verification (soracom-facts §3.3): statuses of Soracom's 2017 document, codes invented. */
    SIGNUP_TOKEN_INVALID("AUM0037", HttpStatus.BAD_REQUEST,
            "The one-time token is incorrect.",
            "ワンタイムトークンが正しくありません。"),
    SIGNUP_TOKEN_EXPIRED("AUM0038", HttpStatus.NOT_FOUND,
            "The one-time token has expired.",
            "ワンタイムトークンの有効期限が切れています。"),
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

    // --- groups ---
    // No real code for these is public. SEM is the prefix of subscriber management, which groups belong to;
    // SEM05xx is reserved for groups so that codes added for SIMs (SEM00xx…) cannot collide with them.
    GROUP_NOT_FOUND("SEM0501", HttpStatus.NOT_FOUND,
            "The specified group does not exist.",
            "指定されたグループは存在しません。"),
    /** The contract's wording for deleteConfigurationNamespace's 400. */
    GROUP_NAMESPACE_NOT_FOUND("SEM0503", HttpStatus.BAD_REQUEST,
            "The specified namespace does not exist.",
            "指定された名前空間は存在しません。"),
    GROUP_PARAMETER_NOT_FOUND("SEM0504", HttpStatus.NOT_FOUND,
            "The specified parameter does not exist.",
            "指定されたパラメーターは存在しません。"),
    GROUP_CONFIGURATION_TOO_LARGE("SEM0505", HttpStatus.BAD_REQUEST,
            "The configuration of a group is limited to %s bytes; it would be %s bytes.",
            "グループの設定は %s バイトまでです (変更後は %s バイトになります)。"),
    GROUP_INVALID_NAMESPACE("SEM0506", HttpStatus.BAD_REQUEST,
            "Invalid configuration namespace: %s",
            "設定の名前空間が正しくありません: %s"),
    // --- subscribers (SEM) ---
    SUBSCRIBER_NOT_FOUND("SEM0001", HttpStatus.NOT_FOUND,
            "The specified subscriber does not exist.",
            "指定されたサブスクライバーは存在しません。"),
    SIM_NOT_FOUND("SEM0002", HttpStatus.NOT_FOUND,
            "The specified SIM does not exist.",
            "指定された SIM は存在しません。"),
    REGISTRATION_SECRET_INVALID("SEM0003", HttpStatus.BAD_REQUEST,
            "The registration secret (PUK or PASSCODE) is not correct.",
            "登録用のシークレット (PUK または PASSCODE) が正しくありません。"),
    ALREADY_REGISTERED("SEM0004", HttpStatus.BAD_REQUEST,
            "The specified subscriber is already registered.",
            "指定されたサブスクライバーは既に登録されています。"),
    SUBSCRIBER_TERMINATED("SEM0005", HttpStatus.BAD_REQUEST,
            "The specified subscriber has been terminated; it cannot be changed any more.",
            "指定されたサブスクライバーは解約済みのため、変更できません。"),
    STANDBY_NOT_SUPPORTED("SEM0006", HttpStatus.BAD_REQUEST,
            "The specified subscriber does not support standby mode.",
            "指定されたサブスクライバーは利用開始待ち (standby) に対応していません。"),
    TERMINATION_DISABLED("SEM0007", HttpStatus.BAD_REQUEST,
            "Termination of the specified subscriber is disabled (termination protection). Enable termination first.",
            "指定されたサブスクライバーは解約が無効 (解約プロテクション) になっています。先に解約を有効にしてください。"),
    STATUS_TRANSITION_NOT_ALLOWED("SEM0008", HttpStatus.BAD_REQUEST,
            "The status of the specified subscriber cannot be changed from %s to %s.",
            "指定されたサブスクライバーのステータスは %s から %s に変更できません。"),
    SPEED_CLASS_NOT_AVAILABLE("SEM0009", HttpStatus.BAD_REQUEST,
            "Speed class %s is not available for subscription %s.",
            "速度クラス %s はサブスクリプション %s では利用できません。"),
    TAG_NOT_FOUND("SEM0010", HttpStatus.NOT_FOUND,
            "The specified tag does not exist.",
            "指定されたタグは存在しません。"),
    NOT_IN_GROUP("SEM0012", HttpStatus.NOT_FOUND,
            "The specified subscriber does not belong to a group.",
            "指定されたサブスクライバーはグループに所属していません。"),
    IMEI_INVALID("SEM0013", HttpStatus.BAD_REQUEST,
            "Invalid IMEI string or subscriber is offline and IMEI not specified",
            "IMEI が正しくないか、サブスクライバーがオフラインで IMEI が指定されていません"),
    EXPIRY_TERMINATE_PROTECTED("SEM0014", HttpStatus.BAD_REQUEST,
            "Expiry action terminate needs termination to be enabled on the subscriber.",
            "有効期限のアクション terminate を指定するには、サブスクライバーの解約を有効にしてください。"),
    EXPIRY_TIME_IN_PAST("SEM0015", HttpStatus.BAD_REQUEST,
            "The expiry time must be in the future.",
            "有効期限には未来の日時を指定してください。"),
    /** Real code and wording (soracom-facts §5; SPEC deleteSimSession). */
    SUBSCRIBER_OFFLINE("SEM0016", HttpStatus.BAD_REQUEST,
            "The specified subscriber is offline",
            "指定されたサブスクライバーはオフラインです"),
    INVALID_SEARCH_QUERY("SEM0017", HttpStatus.BAD_REQUEST,
            "Invalid search queries. %s",
            "検索クエリが正しくありません。%s"),
    BUNDLE_NOT_AVAILABLE("SEM0018", HttpStatus.BAD_REQUEST,
            "Bundle %s is not available for subscription %s.",
            "バンドル %s はサブスクリプション %s では利用できません。"),
    TAG_VALUE_REQUIRED("SEM0019", HttpStatus.BAD_REQUEST,
            "tag_value is required when tag_name is specified.",
            "tag_name を指定する場合は tag_value も指定してください。"),
    // --- commerce ---
    UNKNOWN_PRODUCT("ORD0001", HttpStatus.BAD_REQUEST,
            "Invalid product code: %s",
            "商品コードが正しくありません: %s"),
    INVALID_QUANTITY("ORD0002", HttpStatus.BAD_REQUEST,
            "The quantity of %s must be between 1 and %s.",
            "%s の数量は 1 から %s の範囲で指定してください。"),
    ORDER_SHIPPING_ADDRESS_UNKNOWN("ORD0003", HttpStatus.BAD_REQUEST,
            "The specified shipping address does not exist: %s",
            "指定された送付先は存在しません: %s"),
    ORDER_NOT_FOUND("ORD0004", HttpStatus.NOT_FOUND,
            "The specified order does not exist.",
            "指定された注文は存在しません。"),
    ORDER_WRONG_STATUS("ORD0005", HttpStatus.BAD_REQUEST,
            "The order cannot be %s: its status is %s.",
            "注文を %s にできません (注文のステータス: %s)。"),
    ORDER_EMPTY("ORD0006", HttpStatus.BAD_REQUEST,
            "The order has no items.",
            "注文に商品がありません。"),
    ORDERED_SIMS_ALREADY_REGISTERED("ORD0007", HttpStatus.BAD_REQUEST,
            "The SIMs of this order have already been registered.",
            "この注文の SIM は既に登録されています。"),
    SHIPPING_ADDRESS_NOT_FOUND("ORD0010", HttpStatus.NOT_FOUND,
            "The specified shipping address does not exist.",
            "指定された送付先は存在しません。"),
    INVALID_ZIP_CODE("ORD0011", HttpStatus.BAD_REQUEST,
            "Invalid postal code: %s (7 digits, with or without a hyphen).",
            "郵便番号が正しくありません: %s (7 桁の数字、ハイフンは任意)。"),
    UNKNOWN_PREFECTURE("ORD0012", HttpStatus.BAD_REQUEST,
            "Unknown prefecture: %s",
            "都道府県が正しくありません: %s"),
    PAYMENT_METHOD_REQUIRED("PAY0001", HttpStatus.BAD_REQUEST,
            "A payment method must be registered to confirm an order.",
            "注文を確定するには支払い方法を登録してください。"),
    /** Real code and wording (a card expiring too soon, seen from the sandbox's WebPay registration). */
    CARD_EXPIRY_TOO_SHORT("PAY0025", HttpStatus.BAD_REQUEST,
            "Period until the expiration date of the card is too short.",
            "カードの有効期限までの期間が短すぎます。"),
    CARD_DECLINED("PAY0026", HttpStatus.BAD_REQUEST,
            "The card was declined: %s",
            "カードが拒否されました: %s"),
    PAYMENT_METHOD_NOT_FOUND("PAY0002", HttpStatus.NOT_FOUND,
            "No payment method is registered.",
            "支払い方法が登録されていません。"),
    COUPON_INVALID("PAY0010", HttpStatus.BAD_REQUEST,
            "The coupon code is invalid or the coupon code registration limit has been reached.",
            "クーポンコードが正しくないか、クーポンコードの登録上限に達しています。"),
    COUPON_ORDER_NOT_FOUND("PAY0011", HttpStatus.NOT_FOUND,
            "The specified coupon order does not exist.",
            "指定されたクーポンの注文は存在しません。"),
    COUPON_ORDER_CONFIRMED("PAY0012", HttpStatus.BAD_REQUEST,
            "The coupon order has already been confirmed.",
            "このクーポンの注文は既に確定しています。"),
    INVALID_COUPON_AMOUNT("PAY0013", HttpStatus.BAD_REQUEST,
            "The coupon amount must be greater than 0.",
            "クーポンの金額は 0 より大きい値を指定してください。"),
    BILL_INVALID_YEAR_MONTH("PAY0030", HttpStatus.BAD_REQUEST,
            "Invalid year and month: %s (yyyyMM expected).",
            "年月の指定が正しくありません: %s (yyyyMM 形式で指定してください)。"),
    BILL_NOT_FOUND("PAY0031", HttpStatus.NOT_FOUND,
            "There is no bill for %s.",
            "%s の請求はありません。"),
    SANDBOX_ORDER_NOT_FOUND("SBX1005", HttpStatus.BAD_REQUEST,
            "Order does not exist.",
            "注文が存在しません。"),
    SANDBOX_ORDER_NOT_CONFIRMED("SBX1006", HttpStatus.BAD_REQUEST,
            "The order cannot be shipped: its status is %s.",
            "注文のステータスが %s のため出荷できません。"),
    SANDBOX_BAD_REQUEST("SBX1007", HttpStatus.BAD_REQUEST,
            "Request is not correct. %s",
            "リクエストが正しくありません。%s"),

    // --- stats ---
    /** Real wording (API Sandbox). */
    STATS_DUPLICATE_TIMESTAMP("SBX1101", HttpStatus.BAD_REQUEST,
            "Data with the same timestamp already exists.",
            "同じタイムスタンプのデータが既に存在します。"),
    STATS_INVALID_KEY("SBX1102", HttpStatus.BAD_REQUEST,
            "Invalid %s: %s",
            "%s が正しくありません: %s"),
    STATS_INVALID_RANGE("STS0001", HttpStatus.BAD_REQUEST,
            "Invalid range: %s",
            "期間の指定が正しくありません: %s"),
    EXPORT_NOT_FOUND("STS0002", HttpStatus.NOT_FOUND,
            "The specified exported file does not exist.",
            "指定されたエクスポートファイルは存在しません。"),

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
    CONCURRENT_MODIFICATION("COM0010", HttpStatus.CONFLICT,
            "The resource was changed by another request at the same time; retry.",
            "リソースが同時に別のリクエストで変更されました。再試行してください。"),
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
            "soracom-mock が注入した障害です: %s"),
    /** The control API's state routes (reset, export, import, fork): MCK01xx. */
    MOCK_OPERATOR_NOT_FOUND("MCK0101", HttpStatus.NOT_FOUND,
            "Operator %s does not exist.",
            "オペレーター %s は存在しません。"),
    INVALID_STATE_DOCUMENT("MCK0102", HttpStatus.BAD_REQUEST,
            "The state document cannot be imported, nothing was changed: %s",
            "状態ドキュメントをインポートできません (何も変更していません): %s"),

    // --- Harvest Files and downlink to a simulated device (files/, subscriber/Downlink*): the real codes are
    // UNKNOWN, so these are the emulator's (MCK03xx files, MCK04xx device side and downlink) ---
    FILE_NOT_FOUND("MCK0301", HttpStatus.NOT_FOUND,
            "File or directory %s does not exist.",
            "ファイルまたはディレクトリ %s は存在しません。"),
    DIRECTORY_NOT_EMPTY("MCK0302", HttpStatus.BAD_REQUEST,
            "Directory %s is not empty.",
            "ディレクトリ %s は空ではありません。"),
    INVALID_FILE_PATH("MCK0303", HttpStatus.BAD_REQUEST,
            "Invalid file path: %s",
            "ファイルパスが不正です: %s"),
    HARVEST_FILES_DISABLED("MCK0401", HttpStatus.FORBIDDEN,
            "Harvest Files is not enabled for the group of SIM %s.",
            "SIM %s のグループで Harvest Files が有効になっていません。"),
    SIM_NOT_ACTIVE("MCK0402", HttpStatus.FORBIDDEN,
            "SIM %s is not active.",
            "SIM %s はアクティブではありません。"),
    SIM_OFFLINE("MCK0403", HttpStatus.BAD_REQUEST,
            "SIM %s is not online.",
            "SIM %s はオンラインではありません。"),
    DEVICE_UNREACHABLE("MCK0404", HttpStatus.UNPROCESSABLE_CONTENT,
            "The device of SIM %s could not be reached: %s",
            "SIM %s のデバイスに到達できません: %s"),
    NO_DEVICE_REGISTERED("MCK0405", HttpStatus.NOT_FOUND,
            "No device is registered for SIM %s (PUT /_mock/sims/%<s/device).",
            "SIM %s にデバイスが登録されていません (PUT /_mock/sims/%<s/device)。"),
    INVALID_DEVICE_URL("MCK0406", HttpStatus.BAD_REQUEST,
            "baseUrl must be an absolute http or https URL: %s",
            "baseUrl は http または https の絶対 URL でなければなりません: %s"),
    UDP_DEVICE_NOT_REGISTERED("MCK0407", HttpStatus.BAD_REQUEST,
            "The device of SIM %s could not be reached: %s",
            "SIM %s のデバイスに到達できません: %s");

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

    /**
     * The code of a status that something outside Spring MVC answered (the container, a filter): 404, 405, 413, 415
     * as themselves, any other 4xx as a request that could not be processed, 5xx as an internal error.
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? VALIDATION_FAILED : INTERNAL_ERROR;
        };
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
