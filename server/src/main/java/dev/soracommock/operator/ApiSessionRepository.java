package dev.soracommock.operator;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ApiSessionRepository extends Repository<ApiSession, String> {

    /** Authentication: the API key is what the caller presents. */
    Optional<ApiSession> findByApiKey(String apiKey);

    ApiSession save(ApiSession session);

    @Modifying
    @Query("update ApiSession s set s.revoked = true where s.operatorId = :operatorId")
    int revokeAllOf(String operatorId);

    @Modifying
    @Query("update ApiSession s set s.revoked = true where s.operatorId = :operatorId and s.userName = :userName")
    int revokeAllOfUser(String operatorId, String userName);
}
