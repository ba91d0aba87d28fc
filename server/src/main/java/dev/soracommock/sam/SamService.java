package dev.soracommock.sam;

import dev.soracommock.clock.MockClock;
import dev.soracommock.kernel.Secrets;
import dev.soracommock.kernel.OperationSpec;
import dev.soracommock.operator.AuthService;
import dev.soracommock.operator.OperatorService;
import dev.soracommock.operator.UserCredentials;
import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.Caller;
import dev.soracommock.kernel.ErrorCode;
import dev.soracommock.kernel.PermissionChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SAM: an operator's users (password, auth keys, own permission, trust policy), roles, default permissions, and
 * the evaluation of a user's permissions on every call it makes (deny wins; nothing is allowed unless a statement
 * allows it; the user's own permission, its roles' and the operator's default permissions all count).
 */
@Service
class SamService implements UserCredentials, PermissionChecker {

    /** Names of users and roles: what the real console accepts (letters, digits, and {@code _.@+=,-}). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@+=,-]{1,100}");

    /** Why a call is allowed or refused, for {@code /_mock/…/explain}. */
    record Explanation(String api, boolean allowed, String source, Integer statementIndex, String effect,
            List<String> statementApis, String reason) {
    }

    private final SamUserStore users;
    private final SamRoleStore roles;
    private final OperatorService operators;
    private final AuthService auth;
    private final Secrets secrets;
    private final MockClock clock;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;

    SamService(SamUserStore users, SamRoleStore roles, OperatorService operators, AuthService auth,
            Secrets secrets, MockClock clock, JsonMapper json, JdbcTemplate jdbc) {
        this.users = users;
        this.roles = roles;
        this.operators = operators;
        this.auth = auth;
        this.secrets = secrets;
        this.clock = clock;
        this.json = json;
        this.jdbc = jdbc;
    }

    // ---- users ----

    @Transactional
    SamUser createUser(String operatorId, String userName, String description) {
        checkName(userName);
        if (users.find(operatorId, userName).isPresent()) {
            throw new ApiException(ErrorCode.USER_ALREADY_EXISTS);
        }
        return users.save(new SamUser(operatorId, userName, description, null, clock.nowSeconds()));
    }

    @Transactional(readOnly = true)
    SamUser user(String operatorId, String userName) {
        return users.find(operatorId, userName).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND));
    }

    @Transactional(readOnly = true)
    List<SamUser> users(String operatorId) {
        return users.findAll(operatorId);
    }

    @Transactional
    void updateUser(String operatorId, String userName, String description) {
        SamUser u = user(operatorId, userName);
        u.describe(description, clock.nowSeconds());
        users.save(u);
    }

    /** Deletes the user; its auth keys go and its API keys stop working. */
    @Transactional
    void deleteUser(String operatorId, String userName) {
        SamUser u = user(operatorId, userName);
        operators.deleteUserAuthKeys(operatorId, userName);
        auth.revokeUser(operatorId, userName);
        users.delete(u);
    }

    /** {@code DELETE /operators/{id}/users/{name}/tokens}: the user's API keys stop working. */
    @Transactional
    void revokeTokens(String operatorId, String userName) {
        auth.revokeUser(operatorId, userName);
    }

    @Transactional
    void createPassword(String operatorId, String userName, String password) {
        SamUser u = user(operatorId, userName);
        if (u.passwordHash() != null) {
            throw new ApiException(ErrorCode.PASSWORD_ALREADY_SET);
        }
        requirePassword(password);
        u.password(secrets.hash(password), clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void updatePassword(String operatorId, String userName, String currentPassword, String newPassword) {
        SamUser u = user(operatorId, userName);
        if (u.passwordHash() == null) {
            throw new ApiException(ErrorCode.PASSWORD_NOT_SET);
        }
        if (!secrets.matches(currentPassword, u.passwordHash())) {
            throw new ApiException(ErrorCode.WRONG_CURRENT_PASSWORD);
        }
        requirePassword(newPassword);
        u.password(secrets.hash(newPassword), clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void deletePassword(String operatorId, String userName) {
        SamUser u = user(operatorId, userName);
        if (u.passwordHash() == null) {
            throw new ApiException(ErrorCode.PASSWORD_NOT_SET);
        }
        u.password(null, clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void setPermission(String operatorId, String userName, String permission) {
        Policy.parse(permission, json);
        SamUser u = user(operatorId, userName);
        u.permission(permission, clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void deletePermission(String operatorId, String userName) {
        SamUser u = user(operatorId, userName);
        u.permission(null, clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void setTrustPolicy(String operatorId, String userName, String trustPolicy) {
        trustedPrincipals(trustPolicy);
        SamUser u = user(operatorId, userName);
        u.trustPolicy(trustPolicy, clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void deleteTrustPolicy(String operatorId, String userName) {
        SamUser u = user(operatorId, userName);
        u.trustPolicy(null, clock.nowSeconds());
        users.save(u);
    }

    // ---- default permissions ----

    @Transactional(readOnly = true)
    Optional<String> defaultPermissions(String operatorId) {
        return jdbc.queryForList("select permissions from sam_default_permissions where operator_id = ?", String.class, operatorId)
                .stream().findFirst();
    }

    @Transactional
    void setDefaultPermissions(String operatorId, String permissions) {
        Policy.parse(permissions, json);
        if (jdbc.update("update sam_default_permissions set permissions = ? where operator_id = ?", permissions, operatorId) == 0) {
            jdbc.update("insert into sam_default_permissions (operator_id, permissions) values (?, ?)", operatorId, permissions);
        }
    }

    @Transactional
    void deleteDefaultPermissions(String operatorId) {
        jdbc.update("delete from sam_default_permissions where operator_id = ?", operatorId);
    }

    // ---- roles ----

    @Transactional
    SamRole createRole(String operatorId, String roleId, String description, String permission) {
        checkName(roleId);
        Policy.parse(permission, json);
        if (roles.find(operatorId, roleId).isPresent()) {
            throw new ApiException(ErrorCode.ROLE_ALREADY_EXISTS);
        }
        return roles.save(new SamRole(operatorId, roleId, description, permission, clock.nowSeconds()));
    }

    @Transactional(readOnly = true)
    SamRole role(String operatorId, String roleId) {
        return roles.find(operatorId, roleIdOf(roleId)).orElseThrow(() -> new ApiException(ErrorCode.ROLE_NOT_FOUND));
    }

    @Transactional(readOnly = true)
    List<SamRole> roles(String operatorId) {
        return roles.findAll(operatorId);
    }

    @Transactional
    void updateRole(String operatorId, String roleId, String description, String permission) {
        Policy.parse(permission, json);
        SamRole r = role(operatorId, roleId);
        r.update(description, permission, clock.nowSeconds());
        roles.save(r);
    }

    /** Deletes the role; the schema detaches it from its users. */
    @Transactional
    void deleteRole(String operatorId, String roleId) {
        roles.delete(role(operatorId, roleId));
    }

    @Transactional
    void attach(String operatorId, String userName, String roleId) {
        SamRole r = role(operatorId, roleId);
        SamUser u = user(operatorId, userName);
        u.attach(r.roleId(), clock.nowSeconds());
        users.save(u);
    }

    @Transactional
    void detach(String operatorId, String userName, String roleId) {
        SamUser u = user(operatorId, userName);
        if (!u.detach(roleIdOf(roleId), clock.nowSeconds())) {
            throw new ApiException(ErrorCode.ROLE_NOT_ATTACHED);
        }
        users.save(u);
    }

    @Transactional(readOnly = true)
    List<SamUser> usersWithRole(String operatorId, String roleId) {
        return users.findWithRole(operatorId, role(operatorId, roleId).roleId());
    }

    /** A role may be named by its ID or by its SRN {@code srn:soracom:::Role:<id>}. */
    static String roleIdOf(String roleIdOrSrn) {
        int i = roleIdOrSrn == null ? -1 : roleIdOrSrn.lastIndexOf(":Role:");
        return i >= 0 && roleIdOrSrn.startsWith("srn:soracom:") ? roleIdOrSrn.substring(i + ":Role:".length()) : roleIdOrSrn;
    }

    static String roleSrn(String roleId) {
        return "srn:soracom:::Role:" + roleId;
    }

    // ---- login and switch user (UserCredentials) ----

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String operatorId, String userName) {
        return users.find(operatorId, userName).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean checkPassword(String operatorId, String userName, String password) {
        return users.find(operatorId, userName).map(u -> secrets.matches(password, u.passwordHash())).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean trusts(String operatorId, String userName, String principalSrn) {
        return users.find(operatorId, userName)
                .map(u -> u.trustPolicy() != null && trustedPrincipals(u.trustPolicy()).stream()
                        .anyMatch(p -> p.equals(principalSrn) || p.equals("*")))
                .orElse(false);
    }

    /** The principals a trust policy's allow statements name; 400 AUM0021 when it is not a trust policy. */
    private List<String> trustedPrincipals(String trustPolicy) {
        List<String> principals = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(trustPolicy == null ? "" : trustPolicy);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ApiException(ErrorCode.INVALID_PERMISSION, "trust policy is not JSON: " + e.getOriginalMessage());
        }
        JsonNode statements = root == null ? null : root.get("statements");
        if (statements == null || !statements.isArray()) {
            throw new ApiException(ErrorCode.INVALID_PERMISSION, "'statements' must be an array");
        }
        for (JsonNode s : statements) {
            if (!"allow".equals(s.path("effect").asString(""))) {
                continue;
            }
            JsonNode soracom = s.path("principal").path("soracom");
            if (soracom.isString()) {
                principals.add(soracom.asString());
            } else {
                soracom.forEach(p -> principals.add(p.asString()));
            }
        }
        return principals;
    }

    // ---- permissions (PermissionChecker) ----

    @Override
    @Transactional(readOnly = true)
    public void check(Caller caller, OperationSpec operation) {
        Explanation e = explain(caller.operatorId(), caller.userName(), operation.samApiName());
        if (!e.allowed()) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, e.api());
        }
    }

    /** Which statement allows or denies the user's call of an API ({@code Tag:operation}). */
    @Transactional(readOnly = true)
    Explanation explain(String operatorId, String userName, String api) {
        SamUser u = user(operatorId, userName);
        record Source(String name, Policy policy) {
        }
        List<Source> sources = new ArrayList<>();
        if (u.permission() != null) {
            sources.add(new Source("user:" + userName, Policy.parse(u.permission(), json)));
        }
        for (String roleId : u.roleIds()) {
            roles.find(operatorId, roleId).ifPresent(r -> sources.add(new Source(roleSrn(roleId), Policy.parse(r.permission(), json))));
        }
        defaultPermissions(operatorId).ifPresent(p -> sources.add(new Source("defaultPermissions", Policy.parse(p, json))));
        Explanation allowed = null;
        for (Source source : sources) {
            for (Policy.Statement s : source.policy().statements()) {
                if (!s.matches(api)) {
                    continue;
                }
                if (!s.allows()) {
                    return new Explanation(api, false, source.name(), s.index(), s.effect(), s.apis(), "denied by a statement (deny wins)");
                }
                if (allowed == null) {
                    allowed = new Explanation(api, true, source.name(), s.index(), s.effect(), s.apis(), "allowed by a statement");
                }
            }
        }
        return allowed != null ? allowed
                : new Explanation(api, false, null, null, null, List.of(), "no statement allows it (nothing is allowed by default)");
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException(ErrorCode.INVALID_NAME, String.valueOf(name));
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "may not be empty:password");
        }
    }
}
