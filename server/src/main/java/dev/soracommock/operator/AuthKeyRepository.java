package dev.soracommock.operator;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Auth keys; every look-up but the login one is scoped to an operator. */
interface AuthKeyRepository extends Repository<AuthKey, String> {

    /** Login by auth key: the key ID is the only thing the caller presents. */
    Optional<AuthKey> findByAuthKeyId(String authKeyId);

    List<AuthKey> findByOperatorIdAndUserNameIsNullOrderByCreatedAtAscAuthKeyIdAsc(String operatorId);

    Optional<AuthKey> findByOperatorIdAndUserNameIsNullAndAuthKeyId(String operatorId, String authKeyId);

    List<AuthKey> findByOperatorIdAndUserNameOrderByCreatedAtAscAuthKeyIdAsc(String operatorId, String userName);

    Optional<AuthKey> findByOperatorIdAndUserNameAndAuthKeyId(String operatorId, String userName, String authKeyId);

    boolean existsByAuthKeyId(String authKeyId);

    AuthKey save(AuthKey key);

    void delete(AuthKey key);
}
