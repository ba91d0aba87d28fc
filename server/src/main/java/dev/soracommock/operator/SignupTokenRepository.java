package dev.soracommock.operator;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** One-time sign-up tokens; the look-up by token establishes whose it is (like a login), hence takes no operator. */
interface SignupTokenRepository extends Repository<SignupToken, String> {

    Optional<SignupToken> findByOperatorId(String operatorId);

    Optional<SignupToken> findByToken(String token);

    SignupToken save(SignupToken token);

    void delete(SignupToken token);
}
