package dev.soracommock.operator;

/**
 * What login and switch-user need to know of SAM users; implemented by the SAM domain (which depends on this
 * package, not the other way round).
 */
public interface UserCredentials {

    boolean exists(String operatorId, String userName);

    boolean checkPassword(String operatorId, String userName, String password);

    /** Whether the user's trust policy lets the principal (an SRN) switch to it. */
    boolean trusts(String operatorId, String userName, String principalSrn);

    /** SRN of a SAM user, as trust policies name it. */
    static String userSrn(String operatorId, String userName) {
        return "srn:soracom:" + operatorId + "::User:" + userName;
    }

    /** SRN of an operator's root credentials. */
    static String operatorSrn(String operatorId) {
        return "srn:soracom:" + operatorId + "::Operator:" + operatorId;
    }
}
