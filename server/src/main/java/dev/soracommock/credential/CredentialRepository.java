package dev.soracommock.credential;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Credentials sets, always scoped to an operator (first argument). */
interface CredentialRepository extends Repository<Credential, Long> {

    Optional<Credential> findByOperatorIdAndCredentialsId(String operatorId, String credentialsId);

    List<Credential> findByOperatorIdOrderByCredentialsIdAsc(String operatorId);

    Credential save(Credential credential);

    void delete(Credential credential);
}
